namespace Lightbridge.Lightspeed.Wire.Converters;

/// <summary>Marks the one-pass DTO reader, which the relation and list converters call directly.</summary>
internal interface IWireDtoConverter;
