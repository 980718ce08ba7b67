// One Bolt listener per kind of request (commands, buttons, modals), which hands each request to the
// handler its name belongs to.
//
// Bolt passes every request through every listener registered with it: each runs its filters (is this
// a command? is it this command?) as a chain of middleware that copies the listener's arguments at
// every step, and the request waits for them all. With a listener per command, button and modal, a
// request paid for all of them: with ten, about a third of what an /account request allocated on the
// bot's thread went to listeners it was not for, and the cost grew with every button the app gained.

/** A handler of one kind of request, as Bolt calls it. */
export type Listener<Args> = (args: Args) => Promise<void>;

/**
 * A handler and the names it answers: a command, an action id, a view's callback id; a pattern must
 * be anchored at both ends (`/^play_claim_\d+$/`) and is matched against the whole name.
 */
export type Route<Args> = readonly [name: string | RegExp, listener: Listener<Args>];

/** The pattern's source between its anchors, or the name escaped: what must match the whole name. */
function wholeNameSource(name: string | RegExp): string {
  if (typeof name === "string") return name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  if (name.flags) throw new Error(`a route's pattern takes no flags: ${name}`);
  if (!name.source.startsWith("^") || !name.source.endsWith("$"))
    throw new Error(`a route's pattern must match a whole name: ${name}`);
  return name.source.slice(1, -1);
}

const wholeName = (sources: string[]) => new RegExp(`^(?:${sources.join("|")})$`);

/** A pattern that matches exactly the names of `routes`, for Bolt to filter requests with. */
export function namesPattern<Args>(routes: readonly Route<Args>[]): RegExp {
  return wholeName(routes.map(([name]) => wholeNameSource(name)));
}

/** The listener that hands a request to the first route whose name matches `nameOf(args)`. */
export function router<Args>(routes: readonly Route<Args>[], nameOf: (args: Args) => string): Listener<Args> {
  const matchers = routes.map(([name, listener]) => ({
    pattern: wholeName([wholeNameSource(name)]),
    listener,
  }));
  return (args) => {
    const name = nameOf(args);
    const route = matchers.find(({ pattern }) => pattern.test(name));
    if (!route) return Promise.reject(new Error(`no listener for ${name}`));
    return route.listener(args);
  };
}
