// The scripted run of the generated TypeScript client (openapi-generator `typescript-fetch`) against a
// running local API: what a web or React Native app's code does with it. Prints each check; any
// failure throws, and the process exits non-zero.
// Usage: node run.js <base URL> <editor token>   (scripts/client-test.sh passes both)
import { randomUUID } from 'node:crypto';
import {
    Article,
    ArticleInput,
    ArticleStatusEnum,
    BlockType,
    Configuration,
    DefaultApi,
    ProblemFromJSON,
    ResponseError,
    StatusInput,
    SyncArticle,
    SyncItem,
    Tombstone,
} from '../build/typescript';

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error(`FAILED: ${what}`);
    }
    console.log(`typescript: ok   ${what}`);
}

/** The client's copy of a sync: id -> version; applies items in order, as the API asks. */
class Copy {
    readonly versions = new Map<string, number>();
    seen: SyncItem[] = [];

    constructor(private readonly api: DefaultApi) {}

    async sync(syncToken?: string): Promise<string> {
        let page = await this.api.sync({ syncToken, limit: 5 });
        for (;;) {
            for (const item of page.items) {
                this.seen.push(item);
                switch (item.kind) {
                    case 'article':
                        this.versions.set(item.id, item.version);
                        break;
                    case 'deleted':
                        this.versions.delete(item.id);
                        break;
                }
            }
            if (page.nextCursor == null) {
                if (page.nextSyncToken == null) {
                    throw new Error('last page without nextSyncToken');
                }
                return page.nextSyncToken;
            }
            page = await this.api.sync({ cursor: page.nextCursor, limit: 5 });
        }
    }

    articles(): SyncArticle[] {
        return this.seen.flatMap((item) => (item.kind === 'article' ? [item] : []));
    }

    tombstones(): Tombstone[] {
        return this.seen.flatMap((item) => (item.kind === 'deleted' ? [item] : []));
    }
}

async function run(basePath: string, token: string): Promise<void> {
    const reader = new DefaultApi(new Configuration({ basePath }));

    // 1. The whole feed, page by page with `cursor`; `from`/`to` omitted (they are plain strings).
    const feed: Article[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
        const page = await reader.listArticles({ limit: 5, cursor });
        feed.push(...page.items);
        pages++;
        cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    check(feed.length > 0 && pages > 1, `paged the whole feed with cursor: ${feed.length} articles in ${pages} pages`);
    const feedIds = new Set(feed.map((article) => article.id));
    check(feedIds.size === feed.length, 'no article twice in the feed');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const dated = await reader.listArticles({ limit: 100, from: '1900-01-01', to: tomorrow });
    check(dated.items.every((article) => article.publishedAt instanceof Date),
        `listArticles with from (a date) and to (a date-time): ${dated.items.length} articles`);

    // 2. One article by id and by slug, then again with If-None-Match: 304.
    const first = feed[0];
    const byId = await reader.getArticleRaw({ id: first.id });
    const article = await byId.value();
    const etag = byId.raw.headers.get('etag');
    check(article.id === first.id && article.body !== undefined && etag !== null, `getArticle by id ${first.id}, ETag ${etag}`);
    check((await reader.getArticle({ id: article.slug! })).id === first.id, `getArticle by slug ${article.slug}`);
    try {
        await reader.getArticleRaw({ id: first.id, ifNoneMatch: etag! });
        check(false, 'getArticle with If-None-Match answers 304');
    } catch (e) {
        // The fetch runtime raises every status outside 2xx as a ResponseError; a 304 has no body.
        check(e instanceof ResponseError && e.response.status === 304, `getArticle with If-None-Match: ${(e as ResponseError).response?.status}`);
    }

    // 3. Search with q: a word of the first article's title finds it.
    const word = (article.title ?? '').split(/[^\p{L}]+/u).filter((part) => part.length >= 5)
        .reduce((longest, part) => (part.length > longest.length ? part : longest), 'the');
    const found = await reader.listArticles({ q: word, limit: 100 });
    check(found.items.some((item) => item.id === first.id), `search q=${word} finds it among ${found.items.length}`);

    // 4. Tags and authors.
    const tags = await reader.listTags({ limit: 100 });
    check(tags.nextCursor === null && tags.items.every((count) => count.articles >= 1), `listTags: ${tags.items.length} tags`);
    const authors = await reader.listAuthors({ limit: 100 });
    check(authors.nextCursor === null && authors.items.length > 0, `listAuthors: ${authors.items.length} authors`);

    // 5. A full sync: the same set as the feed.
    const copy = new Copy(reader);
    let syncToken = await copy.sync();
    check(copy.versions.size === feedIds.size && [...feedIds].every((id) => copy.versions.has(id)),
        `full sync holds the feed's ${copy.versions.size} articles`);

    // 6. Editor writes, with a token, Idempotency-Key and If-Match.
    const editor = new DefaultApi(new Configuration({ basePath, accessToken: token }));
    const stamp = process.hrtime.bigint();
    const draft: ArticleInput = {
        title: `TypeScript client harbour story ${stamp}`,
        body: [{ type: BlockType.Paragraph, text: 'Boats are back in the harbour.' }],
        tags: ['clients'],
    };
    const key = randomUUID();
    const created = await editor.createArticleRaw({ articleInput: draft, idempotencyKey: key });
    const a = await created.value();
    check(created.raw.status === 201 && a.status === ArticleStatusEnum.Draft, `createArticle (Idempotency-Key): ${a.id}, a draft`);
    check((await editor.createArticle({ articleInput: draft, idempotencyKey: key })).id === a.id,
        'the same Idempotency-Key again answers the same article');
    let etagA = created.raw.headers.get('etag')!;
    const published = await editor.publishArticleRaw({ id: a.id, ifMatch: etagA });
    etagA = published.raw.headers.get('etag')!;
    check(published.raw.status === 200 && (await published.value()).status === 'published', `publishArticle with If-Match: ETag now ${etagA}`);
    const patched = await editor.patchArticleRaw({
        id: a.id, articlePatch: { title: `TypeScript client harbour story ${stamp}, updated` }, ifMatch: etagA,
    });
    etagA = patched.raw.headers.get('etag')!;
    const patchedArticle = await patched.value();
    check(patched.raw.status === 200 && JSON.stringify(patchedArticle.tags) === '["clients"]',
        `patchArticle (merge patch: only the title; tags kept) with If-Match: ETag now ${etagA}`);
    const tagged = await reader.listTags({ limit: 100 });
    check(tagged.items.some((count) => count.name === 'clients' && count.articles >= 1),
        "listTags now counts the published article's tag 'clients'");

    const other = await editor.createArticleRaw({
        articleInput: {
            title: `TypeScript client short-lived story ${stamp}`,
            body: [{ type: BlockType.Paragraph, text: 'Gone soon.' }],
            status: StatusInput.Published,
        },
        idempotencyKey: randomUUID(),
    });
    const b = (await other.value()).id;
    const deleted = await editor.deleteArticleRaw({ id: b, ifMatch: other.raw.headers.get('etag')! });
    check(deleted.raw.status === 204, `createArticle published ${b}, then deleteArticle with If-Match: 204`);

    // 7. A delta sync: the created and updated article, and the deleted one's tombstone.
    copy.seen = [];
    syncToken = await copy.sync(syncToken);
    const upsert = copy.articles().filter((item) => item.id === a.id).pop();
    check(upsert !== undefined && (upsert.title ?? '').endsWith('updated') && upsert.version === 3,
        `delta sync: ${a.id} as kind=article, version ${upsert?.version}, updated title`);
    const tombstone = copy.tombstones().filter((item) => item.id === b).pop();
    check(tombstone !== undefined && tombstone.at instanceof Date && !copy.versions.has(b),
        `delta sync: ${b} as kind=deleted (tombstone at ${tombstone?.at.toISOString()})`);
    check((await editor.deleteArticleRaw({ id: a.id, ifMatch: etagA })).raw.status === 204, `deleteArticle ${a.id} with If-Match: 204`);
    copy.seen = [];
    await copy.sync(syncToken);
    check(copy.tombstones().some((item) => item.id === a.id) && !copy.versions.has(a.id), `next delta sync: ${a.id} as kind=deleted`);

    // 8. A problem, read as the generated Problem type.
    try {
        await reader.getArticle({ id: 'no-such-article-from-typescript' });
        check(false, 'getArticle of an unknown slug fails');
    } catch (e) {
        if (!(e instanceof ResponseError)) {
            throw e;
        }
        const problem = ProblemFromJSON(await e.response.json());
        check(e.response.status === 404 && problem.status === 404 && problem.title.length > 0,
            `unknown slug: 404 read as Problem(type=${problem.type}, title=${problem.title})`);
    }
}

const [basePath = process.env.API_URL ?? 'http://localhost:3000', token = process.env.EDITOR_TOKEN ?? ''] = process.argv.slice(2);
run(basePath, token).then(
    () => console.log('typescript: PASSED'),
    (e: unknown) => {
        console.error(e);
        console.log(`typescript: FAILED: ${e}`);
        process.exit(1);
    },
);
