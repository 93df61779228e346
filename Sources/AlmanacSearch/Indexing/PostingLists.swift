import Foundation
import AlmanacCore

/// All postings grouped by term, each term's pages in ascending page order.
package struct PostingLists: Sendable {
    /// Term t's postings are at `starts[t]..<starts[t + 1]`.
    package var starts: [Int]
    package var docs: [Int32]
    package var impacts: [UInt8]
    /// Largest unquantised impact: what byte 255 stands for.
    package var maxImpact: Double

    package init(documents: [DocumentTerms], impacts docImpacts: [[Double]], termCount: Int) {
        // Pages are split into a few runs handled on every core: each run counts its postings per
        // term, so it knows where in each term's list its own pages go, and writes them there.
        // A term's pages stay in ascending order, as runs are laid out in page order.
        let runCount = max(1, min(documents.count / 512, ProcessInfo.processInfo.activeProcessorCount * 2))
        let runSize = (documents.count + runCount - 1) / runCount
        let runs = (0..<runCount).map { r in min(r * runSize, documents.count)..<min((r + 1) * runSize, documents.count) }
        let perRun = runs.concurrentMap { run -> (counts: [Int32], max: Double) in
            var counts = [Int32](repeating: 0, count: termCount)
            var largest = -Double.infinity
            for d in run {
                for t in documents[d].terms { counts[Int(t)] += 1 }
                if let m = docImpacts[d].max(), m > largest { largest = m }
            }
            return (counts, largest)
        }
        // Where each run's postings of each term start.
        var next = perRun.map(\.counts)
        starts = [Int](repeating: 0, count: termCount + 1)
        var total = 0
        for t in 0..<termCount {
            starts[t] = total
            for r in 0..<runCount {
                let n = Int(next[r][t])
                next[r][t] = Int32(total)
                total += n
            }
        }
        starts[termCount] = total
        maxImpact = perRun.map(\.max).max() ?? 1
        if maxImpact <= 0 { maxImpact = 1 }
        var docs = [Int32](repeating: 0, count: total)
        var impacts = [UInt8](repeating: 0, count: total)
        let largest = maxImpact, offsets = next
        docs.withUnsafeMutableBufferPointer { docsOut in
            impacts.withUnsafeMutableBufferPointer { impactsOut in
                // Each run writes only the slots its offsets reserve; raw buffers cannot be checked.
                let out = UnsafeSendable((docsOut, impactsOut))
                DispatchQueue.concurrentPerform(iterations: runCount) { r in
                    var next = offsets[r]
                    for d in runs[r] {
                        for (e, t) in documents[d].terms.enumerated() {
                            let k = Int(next[Int(t)])
                            next[Int(t)] += 1
                            out.value.0[k] = Int32(d)
                            out.value.1[k] = ImpactScorer.quantise(docImpacts[d][e], max: largest)
                        }
                    }
                }
            }
        }
        self.docs = docs
        self.impacts = impacts
    }

    package func documentFrequency(_ term: Int) -> Int { starts[term + 1] - starts[term] }

    /// A term's postings as stored: page-number gaps, then one impact byte per page. Columns
    /// rather than interleaved records, so that the compressor sees like next to like.
    /// No section masks: measured, they were 40% of the shard bytes, and the runtime finds the
    /// best section in the fragment it loads for display anyway.
    package func encode(term: Int, into w: inout ByteWriter) {
        let range = starts[term]..<starts[term + 1]
        var previous: Int32 = 0
        for k in range {
            w.varint(UInt32(docs[k] - previous))
            previous = docs[k]
        }
        for k in range { w.byte(impacts[k]) }
    }

    package func encodedSize(term: Int) -> Int {
        var size = 0
        var previous: Int32 = 0
        for k in starts[term]..<starts[term + 1] {
            size += ByteWriter.varintSize(UInt64(docs[k] - previous)) + 1
            previous = docs[k]
        }
        return size
    }
}
