/// Chongqing's 38 districts and counties, from `shared/data/chongqing-districts.csv`.
public struct District: Hashable, Sendable {
    public let code: String
    public let name: String
    /// `district` (区) or `county` (县).
    public let kind: String
    public let centre: GeoPoint

    /// All 38, in code order.
    public static let chongqing: [District] = [
        District(code: "500101", name: "万州区", kind: "district", centre: GeoPoint(lat: 30.807667, lng: 108.408661)),
        District(code: "500102", name: "涪陵区", kind: "district", centre: GeoPoint(lat: 29.703022, lng: 107.389770)),
        District(code: "500103", name: "渝中区", kind: "district", centre: GeoPoint(lat: 29.552736, lng: 106.568896)),
        District(code: "500104", name: "大渡口区", kind: "district", centre: GeoPoint(lat: 29.484527, lng: 106.482346)),
        District(code: "500105", name: "江北区", kind: "district", centre: GeoPoint(lat: 29.606703, lng: 106.574271)),
        District(code: "500106", name: "沙坪坝区", kind: "district", centre: GeoPoint(lat: 29.541144, lng: 106.456878)),
        District(code: "500107", name: "九龙坡区", kind: "district", centre: GeoPoint(lat: 29.502272, lng: 106.510676)),
        District(code: "500108", name: "南岸区", kind: "district", centre: GeoPoint(lat: 29.501260, lng: 106.644447)),
        District(code: "500109", name: "北碚区", kind: "district", centre: GeoPoint(lat: 29.805107, lng: 106.395612)),
        District(code: "500110", name: "綦江区", kind: "district", centre: GeoPoint(lat: 29.028066, lng: 106.651361)),
        District(code: "500111", name: "大足区", kind: "district", centre: GeoPoint(lat: 29.707032, lng: 105.721733)),
        District(code: "500112", name: "渝北区", kind: "district", centre: GeoPoint(lat: 29.718142, lng: 106.631187)),
        District(code: "500113", name: "巴南区", kind: "district", centre: GeoPoint(lat: 29.402408, lng: 106.540256)),
        District(code: "500114", name: "黔江区", kind: "district", centre: GeoPoint(lat: 29.533609, lng: 108.770677)),
        District(code: "500115", name: "长寿区", kind: "district", centre: GeoPoint(lat: 29.857912, lng: 107.080734)),
        District(code: "500116", name: "江津区", kind: "district", centre: GeoPoint(lat: 29.290069, lng: 106.259281)),
        District(code: "500117", name: "合川区", kind: "district", centre: GeoPoint(lat: 29.972084, lng: 106.276130)),
        District(code: "500118", name: "永川区", kind: "district", centre: GeoPoint(lat: 29.356311, lng: 105.927001)),
        District(code: "500119", name: "南川区", kind: "district", centre: GeoPoint(lat: 29.157890, lng: 107.099266)),
        District(code: "500120", name: "璧山区", kind: "district", centre: GeoPoint(lat: 29.592024, lng: 106.227305)),
        District(code: "500151", name: "铜梁区", kind: "district", centre: GeoPoint(lat: 29.844811, lng: 106.056404)),
        District(code: "500152", name: "潼南区", kind: "district", centre: GeoPoint(lat: 30.190992, lng: 105.840431)),
        District(code: "500153", name: "荣昌区", kind: "district", centre: GeoPoint(lat: 29.405002, lng: 105.594623)),
        District(code: "500154", name: "开州区", kind: "district", centre: GeoPoint(lat: 31.160711, lng: 108.393135)),
        District(code: "500155", name: "梁平区", kind: "district", centre: GeoPoint(lat: 30.654233, lng: 107.769568)),
        District(code: "500156", name: "武隆区", kind: "district", centre: GeoPoint(lat: 29.325601, lng: 107.760025)),
        District(code: "500229", name: "城口县", kind: "county", centre: GeoPoint(lat: 31.947633, lng: 108.664214)),
        District(code: "500230", name: "丰都县", kind: "county", centre: GeoPoint(lat: 29.863500, lng: 107.730894)),
        District(code: "500231", name: "垫江县", kind: "county", centre: GeoPoint(lat: 30.327716, lng: 107.333390)),
        District(code: "500233", name: "忠县", kind: "county", centre: GeoPoint(lat: 30.299559, lng: 108.039002)),
        District(code: "500235", name: "云阳县", kind: "county", centre: GeoPoint(lat: 30.930612, lng: 108.697324)),
        District(code: "500236", name: "奉节县", kind: "county", centre: GeoPoint(lat: 31.018363, lng: 109.400403)),
        District(code: "500237", name: "巫山县", kind: "county", centre: GeoPoint(lat: 31.074834, lng: 109.879153)),
        District(code: "500238", name: "巫溪县", kind: "county", centre: GeoPoint(lat: 31.398604, lng: 109.570062)),
        District(code: "500240", name: "石柱土家族自治县", kind: "county", centre: GeoPoint(lat: 29.999285, lng: 108.114069)),
        District(code: "500241", name: "秀山土家族苗族自治县", kind: "county", centre: GeoPoint(lat: 28.447997, lng: 109.007094)),
        District(code: "500242", name: "酉阳土家族苗族自治县", kind: "county", centre: GeoPoint(lat: 28.841244, lng: 108.767747)),
        District(code: "500243", name: "彭水苗族土家族自治县", kind: "county", centre: GeoPoint(lat: 29.293902, lng: 108.165537)),
    ]

    /// The district with this code, if it is one of Chongqing's.
    public static func chongqing(code: String) -> District? { byCode[code] }

    private static let byCode: [String: District] = Dictionary(uniqueKeysWithValues: chongqing.map { ($0.code, $0) })
}
