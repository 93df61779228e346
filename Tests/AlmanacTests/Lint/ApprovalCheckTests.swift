import Foundation
import Testing
@testable import Almanac

/// Warnings about texts whose approval can no longer be trusted, each against a fixed `today`.
@Suite struct ApprovalCheckTests {
    static let config = """
        title: Тест
        language: ru
        types:
          reply:
            folder: replies
            fields:
              owner: {type: string}
              status: {type: string, required: true, values: [черновик, на согласовании, согласовано, устарело]}

        """

    /// The home page links every reply, so no orphan warnings muddy the checks.
    static func site(_ replies: [String: String]) -> [String: String] {
        var files = replies.mapKeys { "replies/" + $0 }
        files["_index.md"] = "# Главная\n\n" + replies.keys.sorted().map { "[\($0)](replies/\($0))" }.joined(separator: " ") + "\n"
        return files
    }

    func check(_ dir: URL, today: String) -> [Diagnostic] {
        Build.run(BuildOptions(siteDirectory: dir, writeOutput: false, today: IsoDate(today))).diagnostics
    }

    static let reply = """
        ---
        title: Задержка
        owner: Руководитель PR
        status: согласовано
        approved_by: Юрист
        approved_on: 2026-04-02
        review_by: 2026-10-01
        ---
        Текст.
        """

    @Test func aTemplatePastItsReviewDateIsNamedAtItsReviewLine() {
        let dir = Fixtures.makeSite(Self.site(["a.md": Self.reply]), config: Self.config)
        let late = check(dir, today: "2026-11-25")
        #expect(late.count == 1)
        let d = try? #require(late.first { $0.code == .reviewOverdue })
        #expect(d?.file == "content/replies/a.md")
        #expect(d?.line == 7, "the line of review_by")
        #expect(d?.severity == .warning)
        #expect(d?.message.contains("2026-10-01") == true && d?.message.contains("2026-11-25") == true)
        #expect(d?.hint?.contains("Руководитель PR") == true)
        #expect(check(dir, today: "2026-10-01") == [], "the deadline day itself is still in time")
    }

    @Test func anObsoleteTemplateIsNotNaggedAboutReview() {
        let obsolete = Self.reply.replacingOccurrences(of: "status: согласовано", with: "status: устарело")
        let dir = Fixtures.makeSite(Self.site(["a.md": obsolete]), config: Self.config)
        #expect(check(dir, today: "2027-01-01") == [])
    }

    @Test func aTemplateWithoutAnOwnerIsNamedAtItsStatusLine() {
        let dir = Fixtures.makeSite(Self.site([
            "a.md": "---\ntitle: А\nstatus: черновик\n---\nТекст.\n",
            "b.md": "---\ntitle: Б\nowner: Юрист\nstatus: черновик\n---\nТекст.\n",
        ]), config: Self.config)
        let d = check(dir, today: "2026-11-25")
        #expect(d.map(\.code) == [.noOwner])
        #expect(d.first?.file == "content/replies/a.md" && d.first?.line == 3)
    }

    @Test func anArticleCarryingApprovalFieldsIsCheckedToo() {
        let dir = Fixtures.makeSite(["_index.md": "# Главная\n\n[П](policy.md)\n",
                                     "policy.md": "---\ntitle: Политика\nstatus: согласовано\nreview_by: 2026-01-31\n---\nТекст.\n"],
                                    config: Self.config)
        #expect(Set(check(dir, today: "2026-11-25").map(\.code)) == [.noOwner, .reviewOverdue])
        let wrong = Fixtures.makeSite(["_index.md": "# Главная\n\n[П](policy.md)\n",
                                       "policy.md": "---\ntitle: Политика\nstatus: согласованно\n---\nТекст.\n"], config: Self.config)
        #expect(check(wrong, today: "2026-11-25").contains { $0.code == .schema && $0.line == 3 && $0.hint == "может быть, «согласовано»?" },
                "the status of any page is one of the workflow's four")
    }

    @Test(.disabled(if: TestGit.missing != nil, "git is not installed"))
    func aTemplateEditedAfterItsApprovalIsNamedWithTheCommit() throws {
        let dir = Fixtures.makeSite(Self.site(["a.md": Self.reply, "b.md": Self.reply.replacingOccurrences(of: "Задержка", with: "Отмена")]), config: Self.config)
        #expect(TestGit.run(dir, ["init", "-q"]) == 0)
        TestGit.run(dir, ["add", "-A"])
        // Added after the approval date: an import of approved texts is not an edit.
        #expect(TestGit.run(dir, ["commit", "-q", "-m", "Импорт шаблонов"], date: "2026-05-01T10:00:00Z") == 0)
        #expect(check(dir, today: "2026-06-01") == [])

        let edited = Self.reply.replacingOccurrences(of: "Текст.", with: "Другой текст.")
        try edited.write(to: dir.appendingPathComponent("content/replies/a.md"), atomically: true, encoding: .utf8)
        #expect(TestGit.run(dir, ["commit", "-q", "-am", "Смягчить формулировку"], date: "2026-06-10T10:00:00Z") == 0)
        let d = check(dir, today: "2026-06-11")
        #expect(d.count == 1)
        #expect(d.first?.code == .editedAfterApproval)
        #expect(d.first?.file == "content/replies/a.md" && d.first?.line == 6, "the line of approved_on")
        #expect(d.first?.message.contains("2026-06-10 «Смягчить формулировку»") == true)

        // Re-approved on the day of the edit: trusted again.
        let reapproved = edited.replacingOccurrences(of: "approved_on: 2026-04-02", with: "approved_on: 2026-06-10")
        try reapproved.write(to: dir.appendingPathComponent("content/replies/a.md"), atomically: true, encoding: .utf8)
        #expect(TestGit.run(dir, ["commit", "-q", "-am", "Согласовано заново"], date: "2026-06-10T15:00:00Z") == 0)
        #expect(check(dir, today: "2026-06-11") == [])

        // The same sources outside a checkout: no history, no warning, no error.
        try FileManager.default.removeItem(at: dir.appendingPathComponent(".git"))
        try edited.write(to: dir.appendingPathComponent("content/replies/a.md"), atomically: true, encoding: .utf8)
        #expect(check(dir, today: "2026-06-11") == [])
    }

    @Test func statusesAreAcceptedWithHyphensOrSpaces() {
        #expect(Approval.status(named: "на-согласовании") == "на согласовании")
        #expect(Approval.status(named: "На  согласовании") == "на согласовании")
        #expect(Approval.status(named: "согласовано") == "согласовано")
        #expect(Approval.status(named: "одобрено") == nil)
    }
}

private extension Dictionary where Key == String {
    func mapKeys(_ transform: (String) -> String) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
