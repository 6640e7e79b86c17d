// The saved coordination memory (engine exportState/importState bytes) in IndexedDB of the extension
// origin, which pages and content scripts cannot read. One record, written in one transaction, with
// its length and a checksum: a corrupted or half-written record is detected on load, thrown away and
// reported, and Helder starts with an empty memory instead of a wrong one. Bounded by the user's cap
// and retention (default 30 days).
const DB_NAME = 'helder';
const STORE = 'state';
const KEY = 'coordination';
const VERSION = 1;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('database blocked'));
  });
}

// FNV-1a over the bytes: enough to tell a torn or altered record from a good one.
export function checksum(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i += 1) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// Runs fn in one transaction and resolves when the transaction has committed. The completion
// listeners are attached before anything is awaited: a quota error typically aborts the transaction
// at commit, after the request itself succeeded, and a listener attached later would miss it.
async function withStore(mode, fn) {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new DOMException('transaction aborted', 'AbortError'));
    });
    done.catch(() => {}); // observed below; avoid an unhandled rejection if fn throws first
    const result = await fn(tx.objectStore(STORE));
    await done;
    return result;
  } finally {
    db.close();
  }
}

// Returns { bytes, notice } where bytes is null when there is nothing (usable) to restore and
// notice names what happened ("stateCorrupt", "storageUnavailable") or is null.
export async function loadState({ retentionDays }) {
  let record;
  try {
    record = await withStore('readonly', (s) => request(s.get(KEY)));
  } catch (error) {
    return { bytes: null, notice: 'storageUnavailable', detail: String(error && error.message) };
  }
  if (record === undefined) return { bytes: null, notice: null };
  const valid = record && typeof record === 'object' && record.version === VERSION && record.bytes instanceof Uint8Array &&
    Number.isFinite(record.savedAt) && record.length === record.bytes.length && record.checksum === checksum(record.bytes);
  if (!valid) {
    await clearState().catch(() => {});
    return { bytes: null, notice: 'stateCorrupt' };
  }
  if (Date.now() - record.savedAt > retentionDays * 86400000) {
    await clearState().catch(() => {});
    return { bytes: null, notice: null };
  }
  return { bytes: record.bytes, notice: null };
}

// Returns a notice name when the memory could not be saved ("storageFull", "stateTooLarge"), else null.
export async function saveState(bytes, { storeCapMB }) {
  if (bytes.length > storeCapMB * 1024 * 1024) {
    await clearState().catch(() => {});
    return 'stateTooLarge';
  }
  const copy = new Uint8Array(bytes); // the engine's view may be detached by memory growth
  const record = { version: VERSION, savedAt: Date.now(), length: copy.length, checksum: checksum(copy), bytes: copy };
  try {
    await withStore('readwrite', (s) => request(s.put(record, KEY)));
    return null;
  } catch (error) {
    await clearState().catch(() => {});
    return error && error.name === 'QuotaExceededError' ? 'storageFull' : 'storageUnavailable';
  }
}

export async function clearState() {
  await withStore('readwrite', (s) => request(s.delete(KEY)));
}
