package com.example.market.partners

import dev.jwtsecured.JwtSecured
import dev.jwtsecured.UserRetriever
import dev.jwtsecured.runtime.Token

/** A caller, as the partner pages know it; only those with the role "partner" see them. */
data class Partner(val name: String)

/**
 * The partner pages' security: the same secret, so the tokens of /api/login, with a user type of its own (the
 * processor's warning that the two configurations accept each other's tokens is suppressed: one login is meant for
 * both). Its handler is static, written as Kotlin writes static methods: `@JvmStatic` in a `companion object`.
 */
@java.lang.SuppressWarnings("JwtSecured.SecretShared")
@JwtSecured(secret = "\${SHOP_SECRET}")
class PartnerSecurity {
  companion object {
    @JvmStatic
    @UserRetriever
    fun partner(token: Token): Partner = Partner(token.subject())
  }
}
