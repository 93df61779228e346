import Almanac
import AlmanacServer
import ArgumentParser
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Предпросмотр.")
    func run() throws {}
}
