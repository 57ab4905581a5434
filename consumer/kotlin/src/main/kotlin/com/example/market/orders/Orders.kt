package com.example.market.orders

import jakarta.annotation.security.RolesAllowed
import jakarta.ws.rs.GET
import jakarta.ws.rs.Path
import jakarta.ws.rs.PathParam
import jakarta.ws.rs.Produces
import jakarta.ws.rs.core.Context
import jakarta.ws.rs.core.MediaType
import jakarta.ws.rs.core.SecurityContext

/** The orders API as an interface carrying every annotation, as API-first projects write it. */
interface OrdersApi {
  @GET
  @RolesAllowed("customer")
  @Produces(MediaType.TEXT_PLAIN)
  fun orders(@Context security: SecurityContext): String

  @GET
  @Path("/report")
  @RolesAllowed("admin")
  @Produces(MediaType.TEXT_PLAIN)
  fun report(): String
}

/** GET /api/orders for customers, GET /api/orders/report for admins, and the items behind a locator. */
@Path("/orders")
class Orders : OrdersApi {
  override fun orders(security: SecurityContext): String = "orders of " + ShopSecurityJwt.user(security).name

  override fun report(): String = "report"

  @Path("/items")
  fun items(): Items = Items()
}

/** Behind Orders' locator, which therefore runs only for callers with a valid token. */
class Items {
  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_PLAIN)
  fun item(@PathParam("id") id: String): String = "item $id"

  @GET
  @Path("/count")
  @Produces(MediaType.TEXT_PLAIN)
  fun count(): String = COUNT.toString()

  companion object {
    const val COUNT = 3
  }
}
