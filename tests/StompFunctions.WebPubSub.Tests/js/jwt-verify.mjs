// Independent judge of our access-key JWTs: verifies one with jsonwebtoken, the library Microsoft's
// @azure/web-pubsub SDK signs its own tokens with. Input on stdin: {"token","key","audience"}.
// Prints {"header","payload"} on success; exits 1 with the library's error otherwise.
import jwt from "jsonwebtoken";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { token, key, audience } = JSON.parse(input);
try {
  const decoded = jwt.verify(token, key, { audience, algorithms: ["HS256"], complete: true });
  process.stdout.write(JSON.stringify({ header: decoded.header, payload: decoded.payload }));
} catch (error) {
  process.stderr.write(String(error));
  process.exit(1);
}
