/** A change to a matter refused: the message is the Chinese sentence the screen shows. Nothing was written. */
export class MatterRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatterRefused';
  }
}
