// The demo chat: one STOMP connection per tab, one broker topic per room.
// Every chat event travels as a small JSON body on /topic/chat.<room>, so the page needs no
// server code of its own: joins and leaves are announced by the clients, and a newcomer learns
// who is already there from the "here" answers the others send back.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $('status'), error: $('error'), endpoint: $('endpoint'),
    joinForm: $('join-form'), nameInput: $('name-input'), roomInput: $('room-input'), joinButton: $('join-button'),
    chat: $('chat'), roomTitle: $('room-title'), leaveButton: $('leave-button'),
    messages: $('messages'), members: $('members'), memberCount: $('member-count'),
    sendForm: $('send-form'), messageInput: $('message-input'), sendButton: $('send-button'),
  };

  const me = { id: randomId(), name: '' };
  let room = '';
  let connection = null;
  const members = new Map();

  function randomId() {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function topic() { return '/topic/chat.' + room; }

  // Private messages use user destinations: every tab of a name subscribes to /user/queue/private, and
  // "/msg NAME text" sends to /user/NAME/queue/private (the name is the user id the page negotiates with).
  const privateQueue = '/user/queue/private';

  function sendPrivate(to, text) {
    const body = { kind: 'private', text, to, sentAt: Date.now(), from: { id: me.id, name: me.name } };
    connection.send({ destination: '/user/' + to + '/queue/private', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    if (to !== me.name) showPrivate(body, 'private mine', 'to ' + to);
  }

  function showPrivate(event, className, who) {
    appendLine(className, [['who', who], ['text', String(event.text ?? '')], ['time', time(new Date(event.sentAt || Date.now()))]]);
  }

  function onPrivate(message) {
    let event;
    try { event = JSON.parse(message.body); } catch { return; }
    if (event && event.from && typeof event.from.name === 'string') showPrivate(event, 'private', 'from ' + event.from.name);
  }

  function setStatus(state, text) {
    ui.status.dataset.state = state;
    ui.status.textContent = text;
    const connected = state === 'connected';
    ui.messageInput.disabled = !connected;
    ui.sendButton.disabled = !connected;
  }

  function showError(text) {
    ui.error.textContent = text;
    ui.error.hidden = false;
  }

  function clearError() {
    ui.error.hidden = true;
    ui.error.textContent = '';
  }

  function time(date) {
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function appendLine(className, parts) {
    const item = document.createElement('li');
    item.className = className;
    for (const [cls, text] of parts) {
      const span = document.createElement('span');
      span.className = cls;
      span.textContent = text;
      item.appendChild(span);
    }
    const atBottom = ui.messages.scrollHeight - ui.messages.scrollTop - ui.messages.clientHeight < 40;
    ui.messages.appendChild(item);
    if (atBottom) ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  function notice(text) {
    appendLine('notice', [['text', text], ['time', time(new Date())]]);
  }

  function renderMembers() {
    ui.members.replaceChildren();
    const sorted = [...members.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const member of sorted) {
      const item = document.createElement('li');
      item.textContent = member.id === me.id ? member.name + ' (you)' : member.name;
      ui.members.appendChild(item);
    }
    ui.memberCount.textContent = String(members.size);
  }

  function publish(event) {
    const body = { ...event, from: { id: me.id, name: me.name } };
    const params = { destination: topic(), body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
    if (event.kind === 'say') connection.sendConfirmed(params, body);
    else connection.send(params);
  }

  function onChatEvent(message) {
    let event;
    try {
      event = JSON.parse(message.body);
    } catch {
      notice('A message that is not chat JSON arrived and was ignored.');
      return;
    }
    const from = event && event.from;
    if (!from || typeof from.id !== 'string' || typeof from.name !== 'string') return;
    const known = members.has(from.id);
    switch (event.kind) {
      case 'join':
        members.set(from.id, from);
        renderMembers();
        if (from.id !== me.id) {
          if (!known) notice(from.name + ' joined');
          publish({ kind: 'here' });
        }
        break;
      case 'here':
        members.set(from.id, from);
        renderMembers();
        break;
      case 'leave':
        if (members.delete(from.id)) renderMembers();
        if (from.id !== me.id) notice(from.name + ' left');
        break;
      case 'say': {
        const sentAt = new Date(typeof event.sentAt === 'number' ? event.sentAt : Date.now());
        appendLine(from.id === me.id ? 'say mine' : 'say', [
          ['who', from.name], ['text', String(event.text ?? '')], ['time', time(sentAt)],
        ]);
        break;
      }
    }
  }

  function restoreUnsent(bodies) {
    const texts = bodies.map((body) => body.text).filter(Boolean);
    if (texts.length === 0) return;
    const typed = ui.messageInput.value.trim();
    ui.messageInput.value = [...texts, typed].filter(Boolean).join(' ');
    notice('Not sent: the server did not confirm your message. It is back in the box; press Enter to send it again.');
  }

  function connect() {
    connection = ChatConnection.open(me.name, {
      connecting: () => setStatus('connecting', 'Connecting…'),
      retrying: (reason, delayMs, attempt) => {
        showError('Cannot reach the server (' + reason + '). Retrying in ' + Math.round(delayMs / 1000) + ' s (attempt ' + attempt + ')…');
        setStatus('reconnecting', 'Server unreachable, retrying…');
      },
      refused: (reason) => {
        showError('Could not get a connection URL: ' + reason);
        setStatus('error', 'Not connected');
      },
      connected: (endpoint) => {
        clearError();
        ui.endpoint.textContent = endpoint;
        setStatus('connected', 'Connected as ' + me.name + ' in #' + room);
        connection.subscribe(topic(), onChatEvent);
        // A user id holding '/' cannot be addressed (the server refuses such a SUBSCRIBE): such a name chats publicly only.
        if (!me.name.includes('/')) connection.subscribe(privateQueue, onPrivate);
        // Who is here is asked afresh after every (re)connect: the answers rebuild the list.
        members.clear();
        members.set(me.id, { id: me.id, name: me.name });
        renderMembers();
        publish({ kind: 'join' });
      },
      lost: (reason) => setStatus('reconnecting', 'Connection lost (' + reason + '), retrying…'),
      serverError: (frame) => {
        const detail = frame.body ? ' (' + frame.body.trim() + ')' : '';
        showError('The server sent an ERROR: ' + (frame.headers.message || 'no message') + detail);
      },
      undelivered: restoreUnsent,
    });
  }

  function leave() {
    if (!connection) return;
    const leaving = connection;
    if (leaving.connected) publish({ kind: 'leave' });
    // The page is back to its start at once, whether or not the server still answers.
    connection = null;
    members.clear();
    renderMembers();
    clearError();
    ui.messages.replaceChildren();
    ui.messageInput.value = '';
    ui.endpoint.textContent = 'not connected';
    ui.chat.hidden = true;
    ui.joinForm.hidden = false;
    setStatus('idle', 'Not connected');
    ui.nameInput.focus();
    void leaving.close();
  }

  ui.joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = ui.nameInput.value.trim();
    const roomName = ui.roomInput.value.trim().toLowerCase();
    if (!name) { showError('Pick a name first.'); return; }
    if (!/^[a-z0-9_-]{1,40}$/.test(roomName)) { showError('A room name uses letters, digits, - and _ only.'); return; }
    clearError();
    me.name = name;
    room = roomName;
    try { localStorage.setItem('stompfunctions.name', name); } catch { /* private mode */ }
    ui.roomTitle.textContent = '#' + room;
    ui.joinForm.hidden = true;
    ui.chat.hidden = false;
    connect();
    ui.messageInput.focus();
  });

  ui.sendForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = ui.messageInput.value;
    if (!text.trim() || !connection || !connection.connected) return;
    const direct = /^\/msg\s+(\S+)\s+([\s\S]+)$/.exec(text.trim());
    if (direct) sendPrivate(direct[1], direct[2]);
    else publish({ kind: 'say', text, sentAt: Date.now() });
    ui.messageInput.value = '';
    ui.messageInput.focus();
  });

  ui.leaveButton.addEventListener('click', leave);

  // Best effort: tell the room when the tab goes away.
  window.addEventListener('pagehide', () => {
    if (connection && connection.connected) publish({ kind: 'leave' });
  });

  try {
    const saved = localStorage.getItem('stompfunctions.name');
    if (saved) ui.nameInput.value = saved;
  } catch { /* private mode */ }
  const fromQuery = new URLSearchParams(location.search).get('room');
  if (fromQuery) ui.roomInput.value = fromQuery;
})();
