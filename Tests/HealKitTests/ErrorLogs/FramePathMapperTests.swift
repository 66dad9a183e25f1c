@testable import HealKit
import Testing

@Suite struct FramePathMapperTests {
    let mapper = FramePathMapper(repositoryFiles: [
        "app/handlers.py", "app/db.py", "app/__init__.py", "lib/__init__.py", "models.py", "main.go", "server.go",
        "src/main/java/com/acme/shop/orders/OrderService.java", "internal/orders/service.go", "src/orders/service.js",
        "src/myservice/views.py", "vendor/psycopg2/extras.py",
    ])

    @Test(arguments: [
        ("/srv/app/releases/20240501/app/handlers.py", "app/handlers.py"),
        ("app/handlers.py", "app/handlers.py"),
        ("./app/db.py", "app/db.py"),
        ("/build/shop/main.go", "main.go"),
        ("com/acme/shop/orders/OrderService.java", "src/main/java/com/acme/shop/orders/OrderService.java"),
        ("/build/shop/internal/orders/service.go", "internal/orders/service.go"),
        ("file:///srv/shop/src/orders/service.js", "src/orders/service.js"),
        ("C:\\deploy\\app\\handlers.py", "app/handlers.py"),
        // The project's own package installed into a virtualenv maps back to its source.
        ("/app/.venv/lib/python3.12/site-packages/myservice/views.py", "src/myservice/views.py"),
        ("/usr/lib/python3/dist-packages/psycopg2/extras.py", "vendor/psycopg2/extras.py"),
    ])
    func maps(raw: String, expected: String) {
        #expect(mapper.map(raw) == expected)
    }

    @Test(arguments: [
        // Third-party and standard-library files never land on a repository file of the same name.
        "/app/.venv/lib/python3.12/site-packages/requests/models.py",
        "/usr/lib/python3.12/json/models.py",
        "/usr/local/go/src/net/http/server.go",
        "/root/go/pkg/mod/github.com/lib/pq@v1.10.9/main.go",
        "/srv/app/node_modules/express/lib/router/service.js",
        "node:internal/process/task_queues",
        "<frozen importlib._bootstrap>",
        // Two repository files match equally well: no guess.
        "/srv/other/__init__.py",
        // Only a file name in common with a deeper repository file.
        "/srv/other/service.go",
        "java/util/HashMap.java",
    ])
    func leavesOutside(raw: String) {
        #expect(mapper.map(raw) == nil)
    }

    @Test func configuredPrefixesAreExact() {
        let prefixed = FramePathMapper(repositoryFiles: ["app/handlers.py", "handlers.py"], pathPrefixes: ["/srv/app"])
        #expect(prefixed.map("/srv/app/handlers.py") == "handlers.py")
        #expect(prefixed.map("/srv/app/app/handlers.py") == "app/handlers.py")
        #expect(prefixed.map("/srv/app/missing.py") == nil)
    }
}
