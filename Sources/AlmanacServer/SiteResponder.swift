import Almanac
import FlyingFox
import Foundation
import Synchronization

/// Answers requests from the last good build, held in memory: the files themselves for generated
/// pages, and files read from content/ and templates/ for those copied as they are.
final class SiteResponder: Sendable {
    private struct Published {
        var files: [String: OutputFile] = [:]
        var build = 0
    }

    private let published = Mutex(Published())
    /// Real paths of content/ and templates/: a copied file must really lie inside one of them.
    private let allowedRoots: [String]
    let events: LiveEvents

    init(siteDirectory: URL, events: LiveEvents) {
        allowedRoots = ["content", "templates"].map {
            siteDirectory.appendingPathComponent($0).resolvingSymlinksInPath().standardizedFileURL.path + "/"
        }
        self.events = events
    }

    /// The files of a good build; `build` numbers it for the pages (nil: the same build, refreshed).
    func publish(_ files: [String: OutputFile], build: Int? = nil) {
        published.withLock {
            $0.files = files
            if let build { $0.build = build }
        }
    }

    private var currentBuild: Int { published.withLock { $0.build } }

    private func file(_ path: String) -> OutputFile? { published.withLock { $0.files[path] } }

    func respond(to request: HTTPRequest, hello: @Sendable () -> String) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return text(.methodNotAllowed, "Только GET и HEAD.\n", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let raw = request.target.path()
        switch raw {
        case LiveScript.scriptPath: return body(Data(LiveScript.script.utf8), type: "text/javascript; charset=utf-8", request)
        case LiveScript.stylePath: return body(Data(LiveScript.style.utf8), type: "text/css; charset=utf-8", request)
        case LiveScript.workerPath: return body(Data(LiveScript.worker.utf8), type: "text/javascript; charset=utf-8", request)
        case LiveScript.eventsPath: return events.subscribe(hello: hello())
        default: break
        }
        switch SitePath.resolve(raw, exists: { self.file($0) != nil }) {
        case .refused:
            return text(.forbidden, "Запрещено: путь выходит за пределы сайта.\n")
        case .folder(let path):
            let query = request.target.query()
            let location = "/" + Self.encode(path) + (query.isEmpty ? "" : "?" + query)
            return text(.movedPermanently, "Перемещено: \(location)\n", extra: [.location: location])
        case .file(let path):
            guard let file = file(path) else { return notFound(request) }
            switch file.contents {
            case .data(let data):
                return body(path.hasSuffix(".html") ? inject(into: data) : data, type: MIMEType.forPath(path), request)
            case .copy(let url):
                let real = url.resolvingSymlinksInPath().standardizedFileURL.path
                guard allowedRoots.contains(where: { real.hasPrefix($0) }) else {
                    return text(.forbidden, "Запрещено: файл лежит за пределами папки сайта.\n")
                }
                guard let data = try? Data(contentsOf: URL(fileURLWithPath: real)) else { return notFound(request) }
                return body(path.hasSuffix(".html") ? inject(into: data) : data, type: MIMEType.forPath(path), request)
            }
        }
    }

    /// The site's own 404 page; its relative links are made to work at any depth with `<base href="/">`,
    /// which replaces the page's own (the published address of `base_url` is not this server).
    private func notFound(_ request: HTTPRequest) -> HTTPResponse {
        guard case .data(let page)? = file("404.html")?.contents else { return text(.notFound, "Не найдено.\n") }
        var data = page
        if let start = data.range(of: Data("<base href=\"".utf8)), let end = data[start.upperBound...].range(of: Data("\">".utf8)) {
            data.replaceSubrange(start.upperBound..<end.lowerBound, with: Data("/".utf8))
        } else if let head = data.range(of: Data("<head>".utf8)) {
            data.insert(contentsOf: Data("<base href=\"/\">".utf8), at: head.upperBound)
        }
        var response = body(inject(into: data), type: "text/html; charset=utf-8", request)
        response.statusCode = .notFound
        return response
    }

    private func body(_ data: Data, type: String, _ request: HTTPRequest) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        // A preview must never show yesterday's page from the browser's cache.
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        if request.method == .HEAD {
            headers[.contentLength] = String(data.count)
            return HTTPResponse(statusCode: .ok, headers: headers)
        }
        return HTTPResponse(statusCode: .ok, headers: headers, body: data)
    }

    private func text(_ status: HTTPStatusCode, _ message: String, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        for (k, v) in extra { headers[k] = v }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(message.utf8))
    }

    /// The live-reload script and style, just before `</head>`.
    func inject(into html: Data) -> Data {
        var data = html
        let tags = Data(LiveScript.tags(build: currentBuild).utf8)
        if let end = data.range(of: Data("</head>".utf8)) { data.insert(contentsOf: tags, at: end.lowerBound) } else { data.append(tags) }
        return data
    }

    static func encode(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
