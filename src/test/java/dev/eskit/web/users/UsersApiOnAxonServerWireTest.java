package dev.eskit.web.users;

import dev.eskit.support.AxonServerWire;

@AxonServerWire
class UsersApiOnAxonServerWireTest extends UsersApiTests {
}
