import Foundation
import Testing
@testable import Almanac

/// The preview's half of the oracle (issue 19): after every kind of edit the build cache's oracle
/// knows, a `BuildSession` told which files changed must hold exactly what a clean `Build.run` of
/// the same sources writes, and report the same diagnostics; after an edit that breaks the site it
/// must report what the build reports, and after the fix match it again.
@Suite struct PreviewOracleTests {
    @Test(arguments: BuildCacheOracleTests.edits)
    func previewAfterEditMatchesACleanBuild(_ edit: BuildCacheOracleTests.Edit) throws {
        let site = try BuildCacheOracleTests.makeSite()
        var session = BuildSession(options: Self.options(site))
        #expect(session.build().succeeded)
        for step in edit.steps {
            let before = try Self.sources(site)
            try step.apply(site)
            let after = try Self.sources(site)
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            _ = session.update(changed: changed)
            if let snapshot = session.derivedSnapshot(), session.derivedIsStale {
                session.applyDerived(snapshot.derive(), generation: snapshot.generation)
            }
            let b = Fixtures.temporaryDirectory().appendingPathComponent("public")
            var options = Self.options(site)
            options.output = b
            let clean = Build.run(options)
            #expect(session.diagnostics == clean.diagnostics, "\(edit.name): diagnostics differ from a clean build's")
            if step.fails {
                #expect(session.diagnostics.hasErrors, "\(edit.name): the preview should report the error")
                continue
            }
            #expect(clean.succeeded, "\(edit.name): \(clean.diagnostics)")
            let written = Set(Fixtures.files(in: b))
            let held = Self.contents(session.files)
            #expect(Set(held.keys) == written, "\(edit.name): files \(Set(held.keys).symmetricDifference(written).sorted())")
            for path in written.sorted() where held[path] != (try Data(contentsOf: b.appendingPathComponent(path))) {
                Issue.record("\(edit.name): \(path) differs from a clean build")
            }
        }
    }

    /// A published folder that never exists: neither side knows earlier anchors.
    static func options(_ site: URL) -> BuildOptions {
        BuildOptions(siteDirectory: site, output: site.appendingPathComponent("never-published"),
                     today: BuildCacheOracleTests.today)
    }

    /// Every file under the site folder by its path relative to it, as the file watcher names them.
    static func sources(_ site: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in Fixtures.files(in: site) where !path.hasPrefix("never-published") {
            result[path] = try Data(contentsOf: site.appendingPathComponent(path))
        }
        return result
    }

    static func contents(_ files: [String: OutputFile]) -> [String: Data] {
        files.mapValues { file in
            switch file.contents {
            case .data(let d): return d
            case .copy(let url): return (try? Data(contentsOf: url)) ?? Data()
            }
        }
    }
}
