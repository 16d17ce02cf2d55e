// What every action dialog does with its one piece of work: busy while it runs (the buttons
// wait), the core's refusal kept to show inside the dialog, which stays open with what was
// typed, and closed once the work is done.
import { asErrorDto, type ErrorDto } from "../../ipc";

export class DialogWork {
  busy = $state(false);
  error = $state<ErrorDto | null>(null);

  constructor(private readonly close: () => void) {}

  async run(step: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await step();
      this.close();
    } catch (reason) {
      this.error = asErrorDto(reason);
    } finally {
      this.busy = false;
    }
  }
}
