import Foundation
@testable import HealKit
import Testing
import TestSupport

/// Traces printed by the real runtimes on this machine, parsed back.
@Suite struct RealTraceTests {
    @Test func pythonChainedTracebackNamesTheInnermostCause() throws {
        let dir = try TempDir.make(prefix: "py-trace")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            def lookup(table, key):
                return table[key]

            def handler():
                try:
                    lookup({}, "user-42")
                except KeyError as error:
                    raise RuntimeError("lookup failed for 42") from error

            handler()
            """.write(toFile: dir + "/service.py", atomically: true, encoding: .utf8)
        let result = try Shell.run(["python3", dir + "/service.py"])
        let trace = try #require(StackTraceParser.parse(result.stderr))
        #expect(trace.chain.map(\.type) == ["KeyError", "RuntimeError"])
        #expect(trace.root?.message == "'user-42'")
        #expect(trace.root?.frames.map(\.function) == ["lookup", "handler"])
        #expect(trace.root?.frames.first == StackFrame(file: dir + "/service.py", function: "lookup", line: 2))
        #expect(trace.chain[1].frames.map(\.function) == ["handler", "<module>"])
    }

    @Test func nodeUncaughtError() throws {
        let dir = try TempDir.make(prefix: "node-trace")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            function customerOf(order) { return order.customer.id; }
            class Routes { show(order) { return customerOf(order); } }
            new Routes().show({});
            """.write(toFile: dir + "/routes.js", atomically: true, encoding: .utf8)
        let result = try Shell.run(["node", dir + "/routes.js"])
        let trace = try #require(StackTraceParser.parse(result.stderr))
        let root = try #require(trace.root)
        #expect(root.type == "TypeError")
        #expect(root.frames.first == StackFrame(file: dir + "/routes.js", function: "customerOf", line: 1))
        #expect(root.frames.dropFirst().first?.function == "Routes.show")
    }

    @Test func goPanic() throws {
        let dir = try TempDir.make(prefix: "go-trace")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "module example.com/shop\n\ngo 1.19\n".write(toFile: dir + "/go.mod", atomically: true, encoding: .utf8)
        try """
            package main

            type Store struct{ names map[int]string }

            func (s *Store) Name(id int) string {
            	return s.names[id]
            }

            func main() {
            	var s *Store
            	println(s.Name(7))
            }
            """.write(toFile: dir + "/main.go", atomically: true, encoding: .utf8)
        let result = try Shell.run(["go", "run", "."], in: dir)
        let trace = try #require(StackTraceParser.parse(result.stderr))
        let root = try #require(trace.root)
        #expect(root.type == "panic")
        #expect(root.message.hasPrefix("runtime error: invalid memory address"))
        let names = root.frames.map(\.function)
        #expect(names.contains("main.(*Store).Name"))
        let frame = try #require(root.frames.first { $0.function == "main.(*Store).Name" })
        #expect(frame.file.hasSuffix("/main.go") && frame.line == 6)
    }

    @Test func javaUncaughtExceptionWithCause() throws {
        let dir = try TempDir.make(prefix: "java-trace")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/com/acme", withIntermediateDirectories: true)
        try """
            package com.acme;

            public class Shop {
                static String name(String s) { return s.trim(); }
                static String show() {
                    try { return name(null); }
                    catch (NullPointerException e) { throw new IllegalStateException("no customer", e); }
                }
                public static void main(String[] args) { show(); }
            }
            """.write(toFile: dir + "/com/acme/Shop.java", atomically: true, encoding: .utf8)
        try Shell.check(["javac", "com/acme/Shop.java"], in: dir)
        let result = try Shell.run(["java", "-cp", dir, "com.acme.Shop"], in: dir)
        let trace = try #require(StackTraceParser.parse(result.stderr))
        #expect(trace.chain.map(\.type) == ["java.lang.NullPointerException", "java.lang.IllegalStateException"])
        #expect(trace.root?.frames.first == StackFrame(file: "com/acme/Shop.java", function: "Shop.name", line: 4))
        #expect(trace.chain[1].frames.first == StackFrame(file: "com/acme/Shop.java", function: "Shop.show", line: 7))
    }
}
