import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The open pages' event stream (Server-Sent Events): `hello` on connecting, `reload` when files
/// change, `problems` when a build fails. A comment every few seconds finds closed connections.
final class LiveEvents: Sendable {
    private struct State {
        var clients: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
        var isClosed = false
    }

    private let state = Mutex(State())

    var clientCount: Int { state.withLock { $0.clients.count } }

    /// A stream that starts with `hello` and stays open until the page goes away or the server stops.
    func subscribe(hello: String) -> HTTPResponse {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(32))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in self?.state.withLock { _ = $0.clients.removeValue(forKey: id) } }
        continuation.yield(Self.encode(event: "hello", data: hello))
        let closed = state.withLock { state in
            if !state.isClosed { state.clients[id] = continuation }
            return state.isClosed
        }
        if closed { continuation.finish() }
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventBytes(stream: stream)))
    }

    func send(event: String, data: String) {
        let bytes = Self.encode(event: event, data: data)
        for client in state.withLock({ Array($0.clients.values) }) { client.yield(bytes) }
    }

    func heartbeat() {
        for client in state.withLock({ Array($0.clients.values) }) { client.yield(Array(": ping\n\n".utf8)) }
    }

    /// Ends every stream, so the server can stop without waiting for pages to close.
    func close() {
        let all = state.withLock { state -> [AsyncStream<[UInt8]>.Continuation] in
            state.isClosed = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for client in all { client.finish() }
    }

    static func encode(event: String, data: String) -> [UInt8] {
        var text = "event: \(event)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        return Array((text + "\n").utf8)
    }
}

/// Event bytes as FlyingFox's chunked body wants them: each event is written as soon as it is sent.
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(events: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<[UInt8]>.Iterator
        var current: [UInt8] = []

        mutating func next() async -> UInt8? {
            if current.isEmpty { current = await events.next() ?? [] }
            return current.isEmpty ? nil : current.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if !current.isEmpty { defer { current = [] }; return current }
            return await events.next()
        }
    }
}
