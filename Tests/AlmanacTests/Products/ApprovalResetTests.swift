import Foundation
import Testing
@testable import Almanac
@testable import AlmanacProducts

/// The approval reset of `almanac init --with-knowledge-base`: only the approval keys change.
@Suite struct ApprovalResetTests {
    @Test func clearsOnlyTheApprovalKeysAndKeepsEveryOtherByte() {
        let text = """
            ---
            title: "Утечка: что писать"   # комментарий остаётся
            owner: Руководитель PR
            status: согласовано

            approved_by:
              - Юрист
              - Директор по коммуникациям
            approved_on: 2026-12-07
            placeholders:
              owner: имя владельца — вложенный ключ не трогаем
              status: тоже вложенный
            review_by: >
              2027-06-07

              продолжение блока
            reply: |
              status: это текст ответа, а не ключ
            tags: [утечка]
            ---

            status: в теле страницы ничего не меняется
            owner: тоже

            """
        let expected = """
            ---
            title: "Утечка: что писать"   # комментарий остаётся
            owner:
            status: черновик

            approved_by:
            approved_on:
            placeholders:
              owner: имя владельца — вложенный ключ не трогаем
              status: тоже вложенный
            review_by:
            reply: |
              status: это текст ответа, а не ключ
            tags: [утечка]
            ---

            status: в теле страницы ничего не меняется
            owner: тоже

            """
        #expect(ApprovalReset.reset(text) == expected)
    }

    @Test func keepsWindowsLineEndsAndQuotedKeys() {
        let text = "---\r\ntitle: Т\r\n\"status\": на согласовании\r\n'owner': Юрист\r\nowner_note: не ключ согласования\r\n---\r\nтекст\r\n"
        let expected = "---\r\ntitle: Т\r\nstatus: черновик\r\nowner:\r\nowner_note: не ключ согласования\r\n---\r\nтекст\r\n"
        #expect(ApprovalReset.reset(text) == expected)
    }

    @Test func leavesPagesWithoutFrontMatterOrApprovalAlone() {
        let plain = "# Заголовок\n\nstatus: согласовано\n"
        #expect(ApprovalReset.reset(plain) == plain)
        let unterminated = "---\nstatus: согласовано\nтекст без закрывающей черты\n"
        #expect(ApprovalReset.reset(unterminated) == unterminated)
        // A page without approval keys gets none added.
        let article = "---\ntitle: Статья\ntags: [a]\n---\n\nТекст.\n"
        #expect(ApprovalReset.reset(article) == article)
    }

    @Test func theResetPageStillParsesAsADraft() throws {
        let text = "---\ntitle: Шаблон\nowner: PR\nstatus: согласовано\napproved_by: Юрист\napproved_on: 2026-12-07\nreview_by: 2027-06-07\n---\nТекст\n"
        let parts = FrontMatterSplitter.split(ApprovalReset.reset(text))
        guard case .success(let entries) = YAMLReader.readMapping(parts.yaml ?? "") else {
            Issue.record("the reset front matter does not parse")
            return
        }
        #expect(entries["status"]?.value.string == "черновик")
        for key in ApprovalReset.clearedKeys {
            guard case .null = entries[key]?.value else { Issue.record("\(key) is not cleared"); continue }
        }
        #expect(entries["title"]?.value.string == "Шаблон")
    }
}
