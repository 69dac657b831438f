// A few lines of IndexedDB for the browser build's history (localStorage is too small for
// images): one object store, keyed by id.
const open = (name: string) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('entries', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

function run<T>(
  db: Promise<IDBDatabase>,
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return db.then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const request = work(database.transaction('entries', mode).objectStore('entries'));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      }),
  );
}

export class EntryStore<T extends { id: string }> {
  private readonly db: Promise<IDBDatabase>;
  constructor(name: string) {
    this.db = open(name);
  }
  all = () => run<T[]>(this.db, 'readonly', (s) => s.getAll() as IDBRequest<T[]>);
  get = (id: string) => run<T | undefined>(this.db, 'readonly', (s) => s.get(id) as IDBRequest<T | undefined>);
  put = (entry: T) => run(this.db, 'readwrite', (s) => s.put(entry));
  delete = (id: string) => run(this.db, 'readwrite', (s) => s.delete(id));
  clear = () => run(this.db, 'readwrite', (s) => s.clear());
}
