// Failures the user caused or can fix. main prints `podtui: <message>` and
// exits 1, so the message is one line, names what to fix, and never carries a
// stack or a credential.

export class UserError extends Error {
  override readonly name = 'UserError';
}
