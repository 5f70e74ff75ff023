// One STOMP connection that keeps itself up: a fresh negotiate before every attempt, retried with back-off
// while the server is away (a DevHost restart, a deploy), and frames sent with a receipt so the page knows
// which ones the server confirmed. It knows nothing of chat: app.js gives it callbacks.
(function () {
  'use strict';

  const firstDelayMs = 1000;
  const maxDelayMs = 10000;

  /** 1 s, 2 s, 4 s, 8 s, then 10 s for as long as it takes. */
  function backoff(attempt) {
    return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(attempt - 1, 10));
  }

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** A failure that retrying cannot fix (negotiate refused the request itself). */
  class Refused extends Error {}

  async function negotiate(userId) {
    let response;
    try {
      response = await fetch('api/negotiate?userId=' + encodeURIComponent(userId), { cache: 'no-store' });
    } catch {
      throw new Error('the server does not answer');
    }
    const text = await response.text();
    if (!response.ok) {
      const message = 'negotiate answered ' + response.status + ': ' + (text || response.statusText);
      const transient = response.status >= 500 || response.status === 408 || response.status === 429;
      throw transient ? new Error(message) : new Refused(message);
    }
    const body = JSON.parse(text);
    if (!body.url) throw new Refused('negotiate answered without a url');
    return body.url;
  }

  /**
   * events: connecting(), retrying(reason, delayMs, attempt), refused(reason), connected(endpoint), lost(reason),
   * serverError(frame), undelivered(bodies): frames sent with sendConfirmed that the server never confirmed.
   */
  function open(userId, events) {
    const pending = new Map();
    let nextReceipt = 1;

    function giveBackPending() {
      if (pending.size === 0) return;
      const bodies = [...pending.values()];
      pending.clear();
      events.undelivered(bodies);
    }

    const client = new StompJs.Client({
      // The endpoint negotiates heart-beat 0,0: every client beat would be a paid upstream call.
      heartbeatIncoming: 0,
      heartbeatOutgoing: 0,
      reconnectDelay: firstDelayMs,
      maxReconnectDelay: maxDelayMs,
      reconnectTimeMode: StompJs.ReconnectionTimeMode.EXPONENTIAL,
      // A fresh token for every attempt; while negotiate fails, wait and ask again (never give up on our own).
      beforeConnect: async (c) => {
        events.connecting();
        for (let attempt = 1; c.active; attempt++) {
          try {
            c.brokerURL = await negotiate(userId);
            return;
          } catch (err) {
            if (err instanceof Refused) {
              events.refused(err.message);
              await c.deactivate();
              return;
            }
            const delay = backoff(attempt);
            events.retrying(err.message, delay, attempt);
            await sleep(delay);
          }
        }
      },
      onConnect: () => events.connected(client.brokerURL.split('?')[0]),
      onStompError: (frame) => {
        events.serverError(frame);
        giveBackPending();
      },
      onWebSocketError: () => {},
      onWebSocketClose: (event) => {
        giveBackPending();
        if (client.active) events.lost('code ' + event.code);
      },
    });
    client.activate();

    return {
      get connected() { return client.connected; },
      subscribe: (destination, onMessage) => client.subscribe(destination, onMessage),
      send: (params) => client.publish(params),
      /** Sends with a receipt; until it arrives the body counts as undelivered if the connection fails. */
      sendConfirmed(params, body) {
        const receipt = 'say-' + nextReceipt++;
        pending.set(receipt, body);
        client.watchForReceipt(receipt, () => pending.delete(receipt));
        client.publish({ ...params, headers: { ...params.headers, receipt } });
      },
      /** Stops for good; nothing more is reported. */
      close() {
        pending.clear();
        events = { connecting() {}, retrying() {}, refused() {}, connected() {}, lost() {}, serverError() {}, undelivered() {} };
        return client.deactivate();
      },
    };
  }

  window.ChatConnection = { open, backoff };
})();
