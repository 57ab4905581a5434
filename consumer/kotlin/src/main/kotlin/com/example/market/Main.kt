package com.example.market

import com.example.market.orders.Orders
import com.example.market.orders.ShopSecurity
import com.example.market.orders.ShopSecurityJwtFeature
import com.example.market.partners.PartnerSecurity
import com.example.market.partners.PartnerSecurityJwtFeature
import com.example.market.partners.Partners
import jakarta.ws.rs.ApplicationPath
import jakarta.ws.rs.SeBootstrap
import jakarta.ws.rs.core.Application
import java.util.concurrent.CountDownLatch

/** The market: orders for customers (ShopSecurity, which also issues tokens), partner pages (PartnerSecurity). */
@ApplicationPath("/api")
class MarketApplication : Application() {
  // A Kotlin object is its own instance; PartnerSecurity's handlers are static, so its feature takes none.
  private val features = setOf(ShopSecurityJwtFeature(ShopSecurity), PartnerSecurityJwtFeature())

  override fun getClasses(): Set<Class<*>> =
      ShopSecurityJwtFeature.classes() + PartnerSecurityJwtFeature.classes() + Orders::class.java + Partners::class.java

  @Suppress("OVERRIDE_DEPRECATION") // still the portable way to register an instance without CDI
  override fun getSingletons(): Set<Any> = features
}

fun main(args: Array<String>) {
  val port = args.firstOrNull()?.toInt() ?: 8080
  val configuration = SeBootstrap.Configuration.builder().host("127.0.0.1").port(port).rootPath("/").build()
  val instance = SeBootstrap.start(MarketApplication(), configuration).toCompletableFuture().get()
  println("Listening on " + instance.configuration().baseUri())
  CountDownLatch(1).await()
}
