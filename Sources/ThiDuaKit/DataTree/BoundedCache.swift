import Foundation

/// Values made once per text key and shared by threads, at most `capacity` of them (the
/// oldest goes first): the schema's folded comments, and in the web server the layouts of the
/// texts the clerks' forms were read from. `make` runs outside the lock, so two threads may
/// both make a missing value; either result is the same.
public final class BoundedCache<Value: Sendable>: @unchecked Sendable {
    // @unchecked: every access to `values` and `order` holds `lock`.
    private let lock = NSLock()
    private var values: [String: Value] = [:]
    private var order: [String] = []
    private let capacity: Int

    /// A cache keeping at most `capacity` values.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The value for `key`, made by `make` the first time.
    public func value(for key: String, make: () -> Value) -> Value {
        lock.lock()
        if let cached = values[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let made = make()
        lock.lock()
        defer { lock.unlock() }
        if values.updateValue(made, forKey: key) == nil {
            order.append(key)
            if order.count > capacity { values[order.removeFirst()] = nil }
        }
        return made
    }
}
