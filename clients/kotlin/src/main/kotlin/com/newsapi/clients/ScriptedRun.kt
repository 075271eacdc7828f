// The scripted run of the generated Kotlin client (openapi-generator `kotlin`, library `jvm-okhttp4`,
// kotlinx.serialization with oneOf wrappers) against a running local API: what a mobile team's code
// does with it. Prints each check; any failure throws, and the process exits non-zero.
// Usage: ScriptedRunKt <base URL> <editor token>   (scripts/client-test.sh passes both)
package com.newsapi.clients

import org.openapitools.client.apis.DefaultApi
import org.openapitools.client.infrastructure.ApiClient
import org.openapitools.client.infrastructure.ClientError
import org.openapitools.client.infrastructure.ClientException
import org.openapitools.client.infrastructure.Serializer
import org.openapitools.client.models.Article
import org.openapitools.client.models.ArticleInput
import org.openapitools.client.models.ArticlePatch
import org.openapitools.client.models.BlockInput
import org.openapitools.client.models.BlockType
import org.openapitools.client.models.EditorArticle
import org.openapitools.client.models.Problem
import org.openapitools.client.models.StatusInput
import org.openapitools.client.models.SyncItem
import java.time.OffsetDateTime
import java.util.UUID
import kotlin.system.exitProcess

private fun check(condition: Boolean, what: String) {
    if (!condition) throw IllegalStateException("FAILED: $what")
    println("kotlin: ok   $what")
}

private fun header(headers: Map<String, List<String>>, name: String): String? =
    headers.entries.firstOrNull { it.key.equals(name, ignoreCase = true) }?.value?.firstOrNull()

/** The client's copy of a sync: id -> version; applies items in order, as the API asks. */
private class Copy {
    val versions = mutableMapOf<String, Int>()
    val seen = mutableListOf<SyncItem>()

    fun sync(api: DefaultApi, token: String?): String {
        var page = api.sync(syncToken = token, limit = 5)
        while (true) {
            for (item in page.items) {
                seen += item
                when (item) {
                    is SyncItem.ArticleWrapper -> versions[item.value.id] = item.value.version
                    is SyncItem.DeletedWrapper -> versions.remove(item.value.id)
                }
            }
            val cursor = page.nextCursor ?: return page.nextSyncToken ?: throw IllegalStateException("last page without nextSyncToken")
            page = api.sync(cursor = cursor, limit = 5)
        }
    }
}

fun main(args: Array<String>) {
    val base = args.getOrNull(0) ?: System.getenv("API_URL") ?: "http://localhost:3000"
    val token = args.getOrNull(1) ?: System.getenv("EDITOR_TOKEN") ?: throw IllegalArgumentException("an editor token is needed")
    try {
        run(base, token)
        println("kotlin: PASSED")
    } catch (e: Throwable) {
        e.printStackTrace()
        println("kotlin: FAILED: $e")
        exitProcess(1)
    }
}

private fun run(base: String, token: String) {
    val api = DefaultApi(base)
    // Merge patches must not send the fields left out as null (null removes a field).
    Serializer.kotlinxSerializationJsonConfiguration = { explicitNulls = false }

    // 1. The whole feed, page by page with `cursor`; `from`/`to` omitted (they are plain strings).
    val feed = mutableListOf<Article>()
    var pages = 0
    var cursor: String? = null
    do {
        val page = api.listArticles(limit = 5, cursor = cursor)
        feed += page.items
        pages++
        cursor = page.nextCursor
    } while (cursor != null)
    check(feed.isNotEmpty() && pages > 1, "paged the whole feed with cursor: ${feed.size} articles in $pages pages")
    check(feed.map { it.id }.toSet().size == feed.size, "no article twice in the feed")
    val dated = api.listArticles(limit = 100, from = "1900-01-01", to = OffsetDateTime.now().plusDays(1).toString())
    check(dated.items.all { it.publishedAt != null }, "listArticles with from (a date) and to (a date-time): ${dated.items.size} articles")

    // 2. One article by id and by slug, then again with If-None-Match: 304.
    val first = feed.first()
    val byId = api.getArticleWithHttpInfo(first.id, null, null)
    val article = (byId as org.openapitools.client.infrastructure.Success<*>).data as Article
    val etag = header(byId.headers, "ETag") ?: throw IllegalStateException("no ETag")
    check(article.id == first.id && article.body != null, "getArticle by id ${first.id}, ETag $etag")
    check(api.getArticle(article.slug!!).id == first.id, "getArticle by slug ${article.slug}")
    val again = api.getArticleWithHttpInfo(first.id, null, etag)
    check(again.statusCode == 304, "getArticle with If-None-Match: ${again.statusCode}")

    // 3. Search with q: a word of the first article's title finds it.
    val word = article.title!!.split(Regex("[^\\p{L}]+")).filter { it.length >= 5 }.maxByOrNull { it.length } ?: "the"
    val found = api.listArticles(q = word, limit = 100)
    check(found.items.any { it.id == first.id }, "search q=$word finds it among ${found.items.size}")

    // 4. Tags and authors.
    val tags = api.listTags(limit = 100)
    check(tags.nextCursor == null && tags.items.all { it.articles >= 1 }, "listTags: ${tags.items.size} tags")
    val authors = api.listAuthors(limit = 100)
    check(authors.nextCursor == null && authors.items.isNotEmpty(), "listAuthors: ${authors.items.size} authors")

    // 5. A full sync: the same set as the feed.
    val copy = Copy()
    var syncToken = copy.sync(api, null)
    check(copy.versions.keys == feed.map { it.id }.toSet(), "full sync holds the feed's ${copy.versions.size} articles")

    // 6. Editor writes, with a token, Idempotency-Key and If-Match.
    ApiClient.accessToken = token
    val stamp = System.nanoTime()
    val draft = ArticleInput(title = "Kotlin client harbour story $stamp",
        body = listOf(BlockInput(BlockType.paragraph, "Boats are back in the harbour.")), tags = listOf("clients"))
    val key = UUID.randomUUID().toString()
    val created = api.createArticleWithHttpInfo(draft, key)
    val a = (created as org.openapitools.client.infrastructure.Success<*>).data as Article
    check(created.statusCode == 201 && a.status == Article.Status.draft, "createArticle (Idempotency-Key): ${a.id}, a draft")
    check(api.createArticle(draft, key).id == a.id, "the same Idempotency-Key again answers the same article")
    var etagA = header(created.headers, "ETag")!!
    val published = api.publishArticleWithHttpInfo(a.id, etagA)
    etagA = header(published.headers, "ETag")!!
    check(published.statusCode == 200, "publishArticle with If-Match: ETag now $etagA")
    val patched = api.patchArticleWithHttpInfo(a.id, ArticlePatch(title = "Kotlin client harbour story $stamp, updated"), etagA)
    etagA = header(patched.headers, "ETag")!!
    val patchedArticle = (patched as org.openapitools.client.infrastructure.Success<*>).data as EditorArticle
    check(patched.statusCode == 200 && patchedArticle.tags == listOf("clients"),
        "patchArticle (merge patch: only the title; tags kept) with If-Match: ETag now $etagA")
    val tagged = api.listTags(limit = 100)
    check(tagged.items.any { it.name == "clients" && it.articles >= 1 }, "listTags now counts the published article's tag 'clients'")

    val other = api.createArticleWithHttpInfo(ArticleInput(title = "Kotlin client short-lived story $stamp",
        body = listOf(BlockInput(BlockType.paragraph, "Gone soon.")), status = StatusInput.published), UUID.randomUUID().toString())
    val b = (other as org.openapitools.client.infrastructure.Success<*>).data as Article
    val deleted = api.deleteArticleWithHttpInfo(b.id, header(other.headers, "ETag"))
    check(deleted.statusCode == 204, "createArticle published ${b.id}, then deleteArticle with If-Match: 204")

    // 7. A delta sync: the created and updated article, and the deleted one's tombstone.
    copy.seen.clear()
    syncToken = copy.sync(api, syncToken)
    val upsert = copy.seen.filterIsInstance<SyncItem.ArticleWrapper>().map { it.value }.lastOrNull { it.id == a.id }
    check(upsert != null && upsert.title!!.endsWith("updated") && upsert.version == 3,
        "delta sync: ${a.id} as kind=article, version ${upsert?.version}, updated title")
    val tombstone = copy.seen.filterIsInstance<SyncItem.DeletedWrapper>().map { it.value }.lastOrNull { it.id == b.id }
    check(tombstone != null && copy.versions[b.id] == null, "delta sync: ${b.id} as kind=deleted (tombstone at ${tombstone?.at})")
    check(api.deleteArticleWithHttpInfo(a.id, etagA).statusCode == 204, "deleteArticle ${a.id} with If-Match: 204")
    copy.seen.clear()
    copy.sync(api, syncToken)
    check(copy.seen.any { it is SyncItem.DeletedWrapper && it.value.id == a.id } && a.id !in copy.versions,
        "next delta sync: ${a.id} as kind=deleted")

    // 8. A problem, read as the generated Problem type.
    try {
        api.getArticle("no-such-article-from-kotlin")
        check(false, "getArticle of an unknown slug fails")
    } catch (e: ClientException) {
        val body = (e.response as ClientError<*>).body as String
        val problem = Serializer.kotlinxSerializationJson.decodeFromString(Problem.serializer(), body)
        check(e.statusCode == 404 && problem.status == 404 && problem.title.isNotBlank(),
            "unknown slug: 404 read as Problem(type=${problem.type}, title=${problem.title})")
    }
}
