import Foundation
@testable import HealKit
import Testing

@Suite struct SecretRedactorTests {
    @Test(arguments: [
        ("connect postgres://shop:hunter2@db.internal:5432/shop failed", "connect postgres://shop:[REDACTED]@db.internal:5432/shop failed"),
        ("Authorization: Bearer eyJhbGciOi.abc.def-123", "Authorization: Bearer [REDACTED]"),
        ("header Authorization: Basic dXNlcjpwYXNzd29yZA==", "header Authorization: Basic [REDACTED]"),
        (#"{"password": "s3cret!", "user": "bob"}"#, #"{"password": "[REDACTED]", "user": "bob"}"#),
        ("login db_password=hunter2 user=bob", "login db_password=[REDACTED] user=bob"),
        ("X-Api-Key: abcdef123456", "X-Api-Key: [REDACTED]"),
        ("token AKIAIOSFODNN7EXAMPLE used", "token [REDACTED] used"),
        ("gh token ghp_0123456789abcdefghijABCDEFGHIJ0123456789", "gh token [REDACTED]"),
        ("key sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345", "key [REDACTED]"),
        ("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "stripe [REDACTED]"),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- done", "[REDACTED] done"),
        ("KeyError: 'alice.liddell@example.com'", "KeyError: '[REDACTED]'"),
        ("user=bob+shop@mail.example.co.uk failed", "user=[REDACTED] failed"),
    ])
    func redacts(text: String, expected: String) {
        #expect(SecretRedactor.redact(text) == expected)
    }

    @Test(arguments: [
        "author: Bob wrote 3 commits",
        "basic authentication failed for user 42",
        "KeyError: 'user_id'",
        "passport check failed",
        "tokens: parsed 12 of them",
        "connect postgres://shop@db.internal:5432/shop",
        "github.com/lib/pq@v1.10.9/conn.go:42",
        "node_modules/@babel/core/lib/index.js",
    ])
    func leavesOrdinaryTextAlone(text: String) {
        #expect(SecretRedactor.redact(text) == text)
    }
}

extension SecretRedactorTests {
    @Test func theValuesOfSecretLookingEnvironmentVariablesAreRedactedEverywhere() {
        setenv("HEAL_REDACTOR_TEST_TOKEN", "s3cr3t-value-not-a-known-shape", 1)
        setenv("HEAL_REDACTOR_TEST_PLAIN", "an-ordinary-value-here", 1)
        defer {
            unsetenv("HEAL_REDACTOR_TEST_TOKEN")
            unsetenv("HEAL_REDACTOR_TEST_PLAIN")
        }
        let text = "echo s3cr3t-value-not-a-known-shape and an-ordinary-value-here"
        #expect(SecretRedactor.redact(text) == "echo [REDACTED] and an-ordinary-value-here")
        #expect(SecretRedactor.redactTokens(text) == "echo [REDACTED] and an-ordinary-value-here")
        #expect(SecretRedactor.containsSecret(text))
    }

    @Test func codeKeepsItsSecretNamedVariablesButLosesItsTokens() {
        let code = "+    password = read_password()\n+    token = \"ghp_0123456789abcdefghijABCDEFGHIJ0123456789\""
        #expect(SecretRedactor.redactTokens(code) == "+    password = read_password()\n+    token = \"[REDACTED]\"")
        #expect(!SecretRedactor.containsSecret("+    password = read_password()"))
    }
}
