package com.newsapi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsapi.config.Config;
import com.newsapi.config.DynamoClients;
import com.newsapi.engine.DynamoEngine;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The meter against DynamoDB's documented rules and against the engine's own ConsumedCapacity, on a
 * table with an index that projects everything and one that projects keys only. The client gets the
 * meter as the handlers' clients do in bench/scale.sh: from the SDK's global interceptor file
 * (bench/scale-hook, a test resource here).
 */
class CapacityMeterTest {

    private static final String TABLE = "meter";
    /** An item of 5,010 bytes (two 4 KB read units, five 1 KB write units) in both indexes. */
    private static final Map<String, AttributeValue> BIG = Map.of("pk", s("big"), "sk", s("1"), "gk", s("g"), "text", s("x".repeat(5000)));

    private static DynamoEngine engine;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        engine = DynamoEngine.start("127.0.0.1", 0);
        dynamo = DynamoClients.create(new Config(TABLE, Optional.of(engine.endpoint()), "us-east-1"));
        CapacityMeter.start(dynamo);
        dynamo.createTable(create -> create.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("gk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(index("all", ProjectionType.ALL), index("keys", ProjectionType.KEYS_ONLY)));
        dynamo.putItem(put -> put.tableName(TABLE).item(BIG));
        dynamo.putItem(put -> put.tableName(TABLE).item(Map.of("pk", s("big"), "sk", s("2"), "text", s("small"))));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        engine.close();
    }

    @Test
    void theGlobalInterceptorFile_putsTheMeterOnEveryClient() {
        assertThat(CapacityMeter.clients()).isPositive();
    }

    @Test
    void aGet_costsItsItemRoundedUpTo4KB_halfWhenEventuallyConsistent_whateverItProjects() {
        CapacityMeter.Tally strong = metered(() -> dynamo.getItem(get -> get.tableName(TABLE).key(key(BIG)).consistentRead(true).projectionExpression("pk")));
        CapacityMeter.Tally eventual = metered(() -> dynamo.getItem(get -> get.tableName(TABLE).key(key(BIG))));
        CapacityMeter.Tally missing = metered(() -> dynamo.getItem(get -> get.tableName(TABLE).key(Map.of("pk", s("none"), "sk", s("1"))).consistentRead(true)));

        assertUnits(strong, 2.0);
        assertUnits(eventual, 1.0);
        assertUnits(missing, 1.0);
    }

    @Test
    void aBatchGet_roundsEachItemOnItsOwn() {
        CapacityMeter.Tally tally = metered(() -> dynamo.batchGetItem(batch -> batch.requestItems(Map.of(TABLE, KeysAndAttributes.builder()
                .keys(key(BIG), Map.of("pk", s("big"), "sk", s("2"))).consistentRead(true).projectionExpression("sk").build()))));

        assertUnits(tally, 3.0);
        assertThat(tally.itemsEvaluated).isEqualTo(2);
    }

    @Test
    void aQuery_paysForEveryItemItEvaluated_includingThoseItsFilterDrops_andACountReadsThemAll() {
        CapacityMeter.Tally filtered = metered(() -> dynamo.query(query -> query.tableName(TABLE).consistentRead(true)
                .keyConditionExpression("pk = :pk").filterExpression("#text = :nothing")
                .expressionAttributeNames(Map.of("#text", "text")).expressionAttributeValues(Map.of(":pk", s("big"), ":nothing", s("?")))));
        CapacityMeter.Tally counted = metered(() -> dynamo.query(query -> query.tableName(TABLE).select(Select.COUNT)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("big")))));
        CapacityMeter.Tally keysOnly = metered(() -> dynamo.query(query -> query.tableName(TABLE).indexName("keys")
                .keyConditionExpression("gk = :g").expressionAttributeValues(Map.of(":g", s("g")))));

        assertUnits(filtered, 2.0);
        assertThat(filtered.filteredQueries).isEqualTo(1);
        assertThat(filtered.itemsFilteredOut).isEqualTo(2);
        assertUnits(counted, 1.0);
        assertThat(counted.itemsEvaluated).isEqualTo(2);
        assertUnits(keysOnly, 0.5);
    }

    @Test
    void writes_costTheLargerItemPer1KB_twiceInATransaction_plusEveryIndexEntryTheyChange() {
        Map<String, AttributeValue> item = Map.of("pk", s("w"), "sk", s("1"), "gk", s("g"), "text", s("y".repeat(1500)));

        CapacityMeter.Tally put = metered(() -> dynamo.putItem(write -> write.tableName(TABLE).item(item)));
        CapacityMeter.Tally update = metered(() -> dynamo.updateItem(write -> write.tableName(TABLE).key(key(item))
                .updateExpression("SET #text = :short").expressionAttributeNames(Map.of("#text", "text"))
                .expressionAttributeValues(Map.of(":short", s("short")))));
        CapacityMeter.Tally transact = metered(() -> dynamo.transactWriteItems(write -> write.transactItems(TransactWriteItem.builder()
                .put(p -> p.tableName(TABLE).item(item)).build())));
        CapacityMeter.Tally delete = metered(() -> dynamo.deleteItem(write -> write.tableName(TABLE).key(key(item))));

        // 1,519 bytes: 2 units in the table and in "all"; the keys-only entry is 1.
        assertWrites(put, 2, 3);
        // The larger of before and after; "keys" does not change, "all" changes in place.
        assertWrites(update, 2, 2);
        // Back to 1,519 bytes in a transaction: the table twice.
        assertWrites(transact, 4, 2);
        assertWrites(delete, 2, 3);
    }

    private static CapacityMeter.Tally metered(Runnable call) {
        CapacityMeter.begin();
        call.run();
        return CapacityMeter.end();
    }

    private static void assertUnits(CapacityMeter.Tally tally, double expected) {
        assertThat(tally.readUnits).isEqualTo(expected);
        assertThat(tally.engineReadUnits).isEqualTo(expected);
    }

    private static void assertWrites(CapacityMeter.Tally tally, double table, double indexes) {
        assertThat(tally.tableWriteUnits).isEqualTo(table);
        assertThat(tally.indexWriteUnits).isEqualTo(indexes);
        assertThat(tally.engineWriteUnits).isEqualTo(table + indexes);
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String name, ProjectionType projection) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key("gk", KeyType.HASH))
                .projection(Projection.builder().projectionType(projection).build()).build();
    }
}
