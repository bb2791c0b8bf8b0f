/**
 * Places in the lab's layout for parts that other parts of the app provide: the "why"
 * callout above "what just happened" and the list of outcomes atop the side panel.
 * Until they exist these render nothing.
 */
export function WhySlot() {
  return null;
}

export function OutcomesSlot() {
  return null;
}
