import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** A middleware that hands the request on to the next one in the SDK's chain. */
export abstract class ChainLink implements Middleware {
  private nextLink: Middleware | undefined;

  setNext(next: Middleware): void {
    this.nextLink = next;
  }

  abstract execute(context: Context): Promise<void>;

  protected async next(context: Context): Promise<Response> {
    if (!this.nextLink) throw new Error(`${this.constructor.name} is the last middleware but must not be`);
    await this.nextLink.execute(context);
    if (!context.response) throw new Error(`the middleware after ${this.constructor.name} gave no response`);
    return context.response;
  }
}
