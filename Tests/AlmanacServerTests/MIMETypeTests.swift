import Testing
@testable import AlmanacServer

@Suite struct MIMETypeTests {
    @Test func typesOfSiteFiles() {
        let expected = [
            "index.html": "text/html; charset=utf-8", "assets/css/almanac.css": "text/css; charset=utf-8",
            "assets/js/almanac.js": "text/javascript; charset=utf-8", "search/meta.json": "application/json",
            "a/logo.svg": "image/svg+xml", "a/b.png": "image/png", "a/b.JPG": "image/jpeg", "a/b.webp": "image/webp",
            "assets/fonts/x.woff2": "font/woff2", "sitemap.xml": "application/xml", "robots.txt": "text/plain; charset=utf-8",
            "offline.zip": "application/zip", "guide.pdf": "application/pdf", "noext": "application/octet-stream",
        ]
        for (path, type) in expected { #expect(MIMEType.forPath(path) == type, "\(path)") }
    }
}
