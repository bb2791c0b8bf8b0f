/**
 * A fingerprint of the built-in prototypes a prototype-pollution attack would change
 * (`__proto__` or `constructor.prototype` keys reaching an assignment): their own
 * property names and the prototype links of a fresh object and array.
 */
export function prototypeSnapshot(): string {
  const names = (o: object): string => Object.getOwnPropertyNames(o).sort().join(',');
  return JSON.stringify({
    object: names(Object.prototype),
    array: names(Array.prototype),
    fn: names(Function.prototype),
    objectProto: Object.getPrototypeOf({}) === Object.prototype,
    arrayProto: Object.getPrototypeOf([]) === Array.prototype,
  });
}
