// What each role may do beyond reading: a viewer reads cards and lists and changes nothing.
import type { TeamRole } from "../team.ts";

export function mayChangeAnything(role: TeamRole): boolean {
  return role !== "viewer";
}
