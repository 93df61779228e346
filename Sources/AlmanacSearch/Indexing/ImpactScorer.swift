import Foundation
import AlmanacContent
import AlmanacCore
import AlmanacMarkdown

/// BM25F with the document-dependent half computed at build time: for each (page, term) the
/// saturated, length-normalised, field-weighted frequency times the page type's boost. The runtime
/// multiplies it by the term's idf, which it derives from the posting count, so it needs no table
/// of page lengths.
package struct ImpactScorer: Sendable {
    /// Saturation: how quickly repeating a word stops adding to the score.
    package static let k1 = 1.2
    /// Length normalisation per field: titles are all short, bodies vary a lot.
    /// Phrasings are many short phrases, each whole: a page with more of them is not longer.
    package static let b: [Double] = [0.3, 0.4, 0.5, 0.75, 0]
    /// Added, unsaturated, when the term is in the title. Saturation alone lets a long page that
    /// repeats «кризис» in its text equal the page titled «Первый час кризиса»: a title says what
    /// a page is about, and on the bundled base its pages were ranked 3rd for their own titles.
    package static let titleBonus = 0.5

    package let weights: [Double]
    package let averageLengths: [Double]

    package init(settings: SearchSettings, documents: [DocumentTerms]) {
        let w = settings.fieldWeights
        weights = [w.title, w.headings, w.meta, w.body, w.phrasings]
        var sums = [Double](repeating: 0, count: SearchField.count)
        for d in documents { for f in 0..<SearchField.count { sums[f] += Double(d.lengths[f]) } }
        let n = Double(max(documents.count, 1))
        averageLengths = sums.map { max($0 / n, 1) }
    }

    /// Unquantised impacts of a page's terms, in the order of `doc.terms`.
    package func impacts(_ doc: DocumentTerms, boost: Double) -> [Double] {
        var norms = [Double](repeating: 0, count: SearchField.count)
        for f in 0..<SearchField.count {
            let b = Self.b[f]
            norms[f] = weights[f] / (1 - b + b * Double(doc.lengths[f]) / averageLengths[f])
        }
        return (0..<doc.terms.count).map { e in
            var tf = 0.0
            for f in 0..<SearchField.count { tf += Double(doc.tf[e * SearchField.count + f]) * norms[f] }
            // A word readers use for the page is as telling as one of its title.
            let inTitle = doc.tf[e * SearchField.count + SearchField.title.rawValue] > 0
                || doc.tf[e * SearchField.count + SearchField.phrasings.rawValue] > 0
            return boost * (tf / (Self.k1 + tf) + (inTitle ? Self.titleBonus : 0))
        }
    }

    /// Impacts become bytes 1…255 on one scale for the whole index, so they stay comparable across terms.
    package static func quantise(_ impact: Double, max: Double) -> UInt8 {
        UInt8(Swift.max(1, Swift.min(255, (impact / max * 255).rounded())))
    }
}
