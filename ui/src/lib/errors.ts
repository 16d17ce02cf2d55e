// An error's kind (the core's stable code, or the shell's own) in the user's language; the
// core's sentence that names the file and the fix is shown beside it.
import { catalogues, t, type MessageKey } from "../i18n";

export function errorKindText(kind: string): string {
  const key = `error_${kind}`;
  return key in catalogues.en ? t(key as MessageKey) : t("errorKind", { kind });
}
