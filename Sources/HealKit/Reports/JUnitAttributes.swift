/// The attributes of one element that the JUnit reader keeps, by kind.
struct JUnitAttributes {
    var name = AttributeBytes(), classname = AttributeBytes(), file = AttributeBytes()
    var line = AttributeBytes(), time = AttributeBytes(), message = AttributeBytes(), type = AttributeBytes()

    mutating func set(_ attribute: JUnitAttribute, to value: UnsafeRawBufferPointer) {
        switch attribute {
        case .name: name.set(value)
        case .classname: classname.set(value)
        case .file: file.set(value)
        case .line: line.set(value)
        case .time: time.set(value)
        case .message: message.set(value)
        case .type: type.set(value)
        case .other: break
        }
    }

    mutating func clear() {
        name.clear(); classname.clear(); file.clear(); line.clear(); time.clear(); message.clear(); type.clear()
    }
}
