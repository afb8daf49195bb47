// A stand-in app process for the crash test (tests/integration/email.test.ts): asks for a password
// reset (the email and its job are committed), says so, then waits to be killed before any
// worker could send it.
import { requestPasswordReset } from "@/lib/data/account-email";

await requestPasswordReset(process.argv[2]);
process.stdout.write("committed\n");
setInterval(() => {}, 60_000);
