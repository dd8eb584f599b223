/** Maps of keys to lists of values (items by their text, measures by their id): adding to a key's list, and taking a value out of it. */

/** Adds a value at the end of its key's list. */
export function addToBucket<K, V>(buckets: Map<K, V[]>, key: K, value: V): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(value);
  else buckets.set(key, [value]);
}

/** Takes a value out of its key's list, and the key out of the map when its list is empty. */
export function removeFromBucket<K, V>(buckets: Map<K, V[]>, key: K, value: V): void {
  const bucket = buckets.get(key);
  if (!bucket) return;
  const at = bucket.indexOf(value);
  if (at >= 0) bucket.splice(at, 1);
  if (bucket.length === 0) buckets.delete(key);
}
