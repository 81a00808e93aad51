import type { CodedRefusal } from '../../../shared/codedRefusal';

/**
 * A change to a matter refused; nothing was written. The message is the Chinese sentence; a
 * refusal of a rule also carries its code (`refusal`), so a screen words it in its locale
 * (renderer/i18n/errorText.ts).
 */
export class MatterRefused extends Error {
  readonly refusal: CodedRefusal | undefined;

  constructor(message: string | CodedRefusal) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'MatterRefused';
    this.refusal = typeof message === 'string' ? undefined : message;
  }
}
