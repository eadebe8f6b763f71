// The pages' one upload-size check: the limit comes from the form's data-max-bytes (the server's own limit, so the
// message matches what the server would answer), and the message says what to do.
export const mib = (bytes) => `${Math.round(bytes / 1048576)} MiB`;

// Null when every file fits; otherwise the sentence to show. what: "photo", "clip" ...
export function tooLarge(files, maxBytes, what = 'photo') {
  const big = files.filter(Boolean).find((file) => file.size > maxBytes);
  if (!big) return null;
  const advice = what === 'clip' ? 'Trim or re-encode it.' : 'Try a smaller or more compressed one.';
  return `The ${what} is ${mib(big.size)}, larger than the limit of ${mib(maxBytes)}. ${advice}`;
}
