@testable import HealKit
import Testing

@Suite struct MessageMaskTests {
    @Test(arguments: [
        ("'user-42'", "<str>"),
        ("order 7731 has no customer", "order <n> has no customer"),
        ("user 550e8400-e29b-41d4-a716-446655440000 not found", "user <uuid> not found"),
        ("bad pointer 0x7ffd5e8c at deadbeef00", "bad pointer <hex> at <hex>"),
        ("can't open /var/data/export-2024.csv", "can't open <path>"),
        ("GET https://api.example.com/v1/users?id=9 failed", "GET <url> failed"),
        ("mail to bob@example.com bounced", "mail to <email> bounced"),
        ("relation \"orders_2024\" does not exist", "relation <str> does not exist"),
        ("id=ord_8f3k2 amount=12.50", "id=<id> amount=<n>.<n>"),
        ("undefined method `name' for nil", "undefined method <str> for nil"),
        ("first line\nsecond line 99", "first line"),
    ])
    func masks(message: String, masked: String) {
        #expect(MessageMask.mask(message) == masked)
    }

    @Test func twoOccurrencesOfOneErrorMaskAlike() {
        #expect(MessageMask.mask("timeout after 3012 ms talking to 10.0.0.7:5432")
                == MessageMask.mask("timeout after 87 ms talking to 10.0.0.12:5432"))
    }

    @Test func boundedWhateverTheInput() {
        let huge = String(repeating: "word ", count: 100_000)
        #expect(MessageMask.mask(huge).count <= MessageMask.limit)
    }
}
