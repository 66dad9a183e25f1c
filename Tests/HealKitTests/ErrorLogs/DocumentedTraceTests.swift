@testable import HealKit
import Testing

/// Traces written from each format's documentation (Fixtures/errors/*-documented.*).
@Suite struct DocumentedTraceTests {
    @Test func javaLogbackTraceKeepsTheInnermostCauseAndSkipsSuppressed() throws {
        let trace = try #require(StackTraceParser.parse(try ErrorFixtures.text("java-logback-documented.log")))
        #expect(trace.chain.map(\.type) == ["java.lang.NullPointerException", "java.lang.IllegalStateException"])
        let root = try #require(trace.root)
        #expect(root.message == #"Cannot invoke "com.acme.shop.Customer.id()" because "c" is null"#)
        #expect(root.frames.first == StackFrame(file: "com/acme/shop/customers/CustomerRepository.java",
                                                function: "CustomerRepository.find", line: 23))
        let outer = trace.chain[1]
        #expect(outer.message == "order 7731 has no customer")
        #expect(outer.frames.map(\.function).prefix(2) == ["OrderService.customerOf", "OrderController.show"])
        #expect(!outer.frames.contains { $0.function == "Stream.close" })
        #expect(outer.frames[2].file == "jdk/internal/reflect/DirectMethodHandleAccessor.java")
    }

    @Test func goPanicTakesThePanickingGoroutineOnly() throws {
        let trace = try #require(StackTraceParser.parse(try ErrorFixtures.text("go-panic-documented.txt")))
        let root = try #require(trace.root)
        #expect(root.type == "panic")
        #expect(root.message == "runtime error: invalid memory address or nil pointer dereference")
        #expect(root.frames.map(\.function) == ["http.(*conn).serve.func1", "panic", "orders.(*Service).CustomerOf",
                                                "orders.(*Handler).Show", "http.HandlerFunc.ServeHTTP"])
        #expect(root.frames[2] == StackFrame(file: "/build/shop/internal/orders/service.go",
                                             function: "orders.(*Service).CustomerOf", line: 57))
    }

    @Test func nodeTraceReadsBothFrameForms() throws {
        let trace = try #require(StackTraceParser.parse(try ErrorFixtures.text("node-documented.txt")))
        let root = try #require(trace.root)
        #expect(root.type == "TypeError")
        #expect(root.message == "Cannot read properties of undefined (reading 'id')")
        #expect(root.frames.map(\.function) == ["customerOf", "Object.show", "Layer.handle", "<anonymous>",
                                                "process.processTicksAndRejections"])
        #expect(root.frames[3] == StackFrame(file: "/srv/shop/releases/20240501/src/server.js", function: "<anonymous>", line: 12))
        #expect(root.frames[4].file == "node:internal/process/task_queues")
    }

    @Test func rubyBacktraceNamesTypeFromTheFirstLine() throws {
        let trace = try #require(StackTraceParser.parse(try ErrorFixtures.text("ruby-documented.txt")))
        let root = try #require(trace.root)
        #expect(root.type == "NoMethodError")
        #expect(root.message == "undefined method 'id' for nil")
        #expect(root.frames.map(\.function) == ["Orders::Service#customer_of", "block in show", "call", "<main>"])
        #expect(root.frames[0] == StackFrame(file: "/srv/shop/lib/orders/service.rb", function: "Orders::Service#customer_of", line: 57))
    }
}
