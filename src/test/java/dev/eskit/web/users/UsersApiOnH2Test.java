package dev.eskit.web.users;

import dev.eskit.support.H2Test;

@H2Test
class UsersApiOnH2Test extends UsersApiTests {
}
