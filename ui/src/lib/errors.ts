// An error's kind (the core's stable code, or the shell's own) in the user's language; the
// core's sentence that names the file and the fix is shown beside it.
import { t, type MessageKey } from "../i18n";
import type { ErrorKind } from "../ipc";

// Typed so that a kind without its catalogue entry fails the build, not the user.
const kindKey = (kind: ErrorKind): `error_${ErrorKind}` & MessageKey => `error_${kind}`;

export function errorKindText(kind: ErrorKind): string {
  return t(kindKey(kind));
}
