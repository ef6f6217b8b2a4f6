import Foundation
import Testing
@testable import RapportCore

/// The queue that carries the agenda's second half, day by day, from its thread to the
/// thread that writes: values in order, an error in its place, and a taker that stops
/// early releasing the maker instead of leaving it waiting for room forever.
@Suite struct HandoffQueueTests {
    struct Failed: Error {}

    @Test func valuesComeInOrderAndAnErrorInItsPlace() throws {
        let queue = HandoffQueue<Int>(capacity: 1)
        let maker = BackgroundWork { () -> Bool in
            for value in 1...5 { guard queue.put(.success(value)) else { return false } }
            return queue.put(.failure(Failed()))
        }
        #expect(try (1...5).map { _ in try queue.take() } == [1, 2, 3, 4, 5])
        #expect(throws: Failed.self) { try queue.take() }
        #expect(try maker.wait())
    }

    @Test func closingReleasesAMakerWaitingForRoom() throws {
        let queue = HandoffQueue<Int>(capacity: 1)
        let made = Handoff<Void>()
        let maker = BackgroundWork { () -> [Bool] in
            var answers = [queue.put(.success(1))]  // room for one
            made.publish(.success(()))
            answers.append(queue.put(.success(2)))  // waits for room until the close
            answers.append(queue.put(.success(3)))  // refused at once
            return answers
        }
        try made.wait()
        queue.close()
        #expect(try maker.wait() == [true, false, false])
    }
}
