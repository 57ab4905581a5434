package com.example.market.orders

import dev.jwtsecured.Authenticator
import dev.jwtsecured.JwtSecured
import dev.jwtsecured.UserRetriever
import dev.jwtsecured.runtime.Grant
import dev.jwtsecured.runtime.Token
import java.security.MessageDigest

/** The market's customers; grace is also an admin and a partner. */
data class Customer(val name: String, val roles: Set<String>)

/**
 * The orders' security, and the token endpoint at /api/login: a Kotlin `object`, whose handlers are instance methods
 * of its single instance. `internal` compiles to a public method with a mangled name, which generated code calls.
 */
@JwtSecured(secret = "\${SHOP_SECRET}", tokenUrl = "/login", openApiPath = "/openapi.json")
object ShopSecurity {
  private val customers = listOf(
      Customer("ada", setOf("customer")),
      Customer("grace", setOf("customer", "admin", "partner")))

  @Authenticator
  internal fun login(username: String, password: String): Grant? {
    val customer = customers.find { it.name == username } ?: return null
    val ok = MessageDigest.isEqual(password.toByteArray(), "lovelace".toByteArray())
    return if (ok) Grant.of(customer.name).withRoles(customer.roles) else null
  }

  @UserRetriever
  fun customer(token: Token): Customer? = customers.find { it.name == token.subject() }
}
