using System.Collections;
using System.Text.Json;
using Lightbridge.Lightspeed.Wire;
using Lightbridge.Lightspeed.Wire.Converters;
using Lightbridge.Lightspeed.Wire.Dtos;

namespace Lightbridge.Lightspeed.Tests.Wire;

/// <summary>
/// The one-pass DTO reader against the serializer's own object reading with the same converters: every shape here must
/// read to the same DTO, member for member.
/// </summary>
public sealed class WireDtoConverterTests
{
    private static readonly JsonSerializerOptions SerializerOnly = WithoutDtoConverter();

    private static IEnumerable<TestCaseData> Sales()
    {
        yield return Case("every member", """
            {"saleID":"100","shopID":"1","registerID":"3","customerID":"7","employeeID":"2","ticketNumber":"220000000002",
             "completed":"true","voided":"false","archived":"false","completeTime":"2026-05-01T18:30:00+00:00",
             "createTime":"2026-05-01T18:20:00+00:00","updatetime":"2026-05-01T18:31:00+00:00","timeStamp":"2026-05-01T18:30:00-04:00",
             "calcSubtotal":"94.85","calcDiscount":"3.5","calcTax1":"11.8755","calcTax2":"0","calcTotal":"103.22","total":"103.22",
             "SaleLines":{"SaleLine":[{"saleLineID":"1","unitQuantity":"2","unitPrice":"34.95","parentSaleLineID":"0"},{"saleLineID":"2"}]},
             "SalePayments":{"SalePayment":{"salePaymentID":"9","amount":"103.22","archived":"false",
               "PaymentType":{"paymentTypeID":"4","name":"Visa","type":"credit card","archived":"false"}}}}
            """);
        yield return Case("names in other cases", """{"SALEID":"1","ShopId":"2","UpdateTime":"2024-03-01T10:00:00Z","saleLines":{"saleline":{"SALELINEID":"5"}}}""");
        yield return Case("a member twice, the last wins", """{"saleID":"1","calcTotal":"5","saleID":"2","calcTotal":"x","SaleLines":{"SaleLine":{"saleLineID":"1"}},"SaleLines":""}""");
        yield return Case("escaped names and values", """{"sale\u0049D":"7","\u0063alcTotal":"\u0031.5","completed":"\u0074rue"}""");
        yield return Case("a name folding onto an ASCII name", "{\"sale\u0131d\":\"7\",\"\u017fhopID\":\"2\",\"calcTotal\u212a\":\"1\"}");
        yield return Case("unknown members of every kind", """{"x":1,"y":[1,{"a":[]}],"z":{"q":null},"saleID":"7","w":true,"v":null}""");
        yield return Case("nulls", """{"saleID":null,"calcTotal":null,"completed":null,"completeTime":null,"SaleLines":null,"SalePayments":null}""");
        yield return Case("wrong kinds of value", """{"saleID":{"id":"5"},"calcTotal":[1],"completed":{},"completeTime":7,"SaleLines":[{"SaleLine":{"saleLineID":"1"}}],"SalePayments":"nope"}""");
        yield return Case("empty relations", """{"SaleLines":"","SalePayments":{"SalePayment":""}}""");
        yield return Case("lines as an array with blanks", """{"SaleLines":{"SaleLine":[{"saleLineID":"1"},"",null,{"saleLineID":"2","unitQuantity":"1e400"}]}}""");
        yield return Case("payment type empty and as an array", """{"SalePayments":{"SalePayment":[{"PaymentType":""},{"PaymentType":[{"name":"A"},{"name":"B"}]}]}}""");
        yield return Case("empty object", "{}");
    }

    [TestCaseSource(nameof(Sales))]
    public void Read_Sale_SameAsTheSerializersObjectReading(string json)
    {
        using var document = JsonDocument.Parse(json);

        var fast = WireJson.Deserialize<SaleDto>(document.RootElement);
        var reference = document.RootElement.Deserialize<SaleDto>(SerializerOnly)!;

        AssertSame(fast, reference, "sale");
    }

    [Test]
    public void Read_Customer_SameAsTheSerializersObjectReading()
    {
        using var document = JsonDocument.Parse("""
            {"customerID":"3","firstName":"Ann","lastName":"Lee","Contact":{"Phones":{"ContactPhone":[{"number":"555","useType":"Home"}]},
             "Emails":{"ContactEmail":{"address":"a@example.com","useType":"Primary"}},"Addresses":"","Websites":""}}
            """);

        AssertSame(WireJson.Deserialize<CustomerDto>(document.RootElement), document.RootElement.Deserialize<CustomerDto>(SerializerOnly)!, "customer");
    }

    [TestCase("\"7\"")]
    [TestCase("[]")]
    [TestCase("12")]
    public void Read_RecordNotAnObject_RefusedAsTheSerializerDoes(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Throws<JsonException>(() => document.RootElement.Deserialize<SaleDto>(SerializerOnly));
        Assert.Throws<JsonException>(() => WireJson.Deserialize<SaleDto>(document.RootElement));
    }

    [Test]
    public void Options_EverySaleDto_ReadByTheOnePassReader()
    {
        foreach (var type in new[] { typeof(SaleDto), typeof(SaleLinesDto), typeof(SaleLineDto), typeof(SalePaymentsDto), typeof(SalePaymentDto), typeof(PaymentTypeDto) })
        {
            Assert.That(WireJson.Options.GetConverter(type).GetType().Name, Does.StartWith("WireDtoConverter"), type.Name);
        }
    }

    private static TestCaseData Case(string name, string json) => new TestCaseData(json).SetArgDisplayNames(name);

    private static JsonSerializerOptions WithoutDtoConverter()
    {
        var options = new JsonSerializerOptions(WireJson.Options);
        options.Converters.Remove(options.Converters.Single(c => c is WireDtoConverterFactory));
        return options;
    }

    private static void AssertSame(object? fast, object? reference, string path)
    {
        if (fast is null || reference is null)
        {
            Assert.That(fast, Is.EqualTo(reference), path);
            return;
        }

        var type = reference.GetType();
        Assert.That(fast.GetType(), Is.EqualTo(type), path);
        if (type.Namespace != typeof(SaleDto).Namespace)
        {
            if (reference is IList list)
            {
                var other = (IList)fast;
                Assert.That(other, Has.Count.EqualTo(list.Count), path);
                for (var i = 0; i < list.Count; i++)
                {
                    AssertSame(other[i], list[i], $"{path}[{i}]");
                }
            }
            else
            {
                Assert.That(fast, Is.EqualTo(reference), path);
            }

            return;
        }

        foreach (var property in type.GetProperties())
        {
            AssertSame(property.GetValue(fast), property.GetValue(reference), $"{path}.{property.Name}");
        }
    }
}
