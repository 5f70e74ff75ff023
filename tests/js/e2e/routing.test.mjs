// Issue 17 on the DevHost with state in memory: user destinations between two users and a wildcard subscriber.
import { after, before, test } from 'node:test';
import { startStack } from './support/stack.mjs';
import { userDestinationsAndWildcards } from './support/routing-scenario.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

test('two users exchange private messages over /user/queue/inbox and a wildcard subscriber gets matching topics (memory)', async (t) => {
  await userDestinationsAndWildcards(stack, t);
});
