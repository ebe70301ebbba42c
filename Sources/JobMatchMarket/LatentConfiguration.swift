/// The hidden structure of the market: what real markets have and no profile field states.
///
/// Each knob is a standard deviation (logit scale unless said otherwise); 0 switches that part off.
/// `datasets/README.md` ("Hidden structure") says what each one does. ``MarketConfiguration/latent``
/// holds one; ``LatentConfiguration/off`` gives the earlier market whose outcomes follow the observable
/// suitability model alone.
public struct LatentConfiguration: Sendable, Hashable {
    /// Share of the observable suitability model in the utilities (1 when every hidden part is off).
    public var observableShare: Double
    /// Hidden attractiveness of each posting (workplace, boss, reputation): added to every person's interest.
    public var postingAttractiveness: Double
    /// Hidden selectiveness of each employer: subtracted from its view of every applicant.
    public var employerSelectiveness: Double
    /// Hidden employer taste: an employer vector times the applicant's hidden traits, added to its view.
    public var employerTaste: Double
    /// Hidden person taste: a person vector times the posting's hidden profile (its occupation's, its
    /// employer's and its own), added to interest. Shows in views and applications, not in stated wishes.
    public var personTaste: Double
    /// Person-specific travel tolerance: the log ratio of the distance a person really accepts to the stated limit.
    public var travelTolerance: Double
    /// Noise of stated wishes against the truth that drives behaviour: the log ratio of the true to the stated
    /// reservation wage; the chance that a true job-type wish differs from the stated list is `0.4 × this`.
    public var statedPreferenceNoise: Double

    /// Dimensions of the hidden taste vectors.
    public static let tasteDimensions = 6

    public init(observableShare: Double = 0.6, postingAttractiveness: Double = 0.9, employerSelectiveness: Double = 0.8,
                employerTaste: Double = 0.5, personTaste: Double = 0.7, travelTolerance: Double = 0.5,
                statedPreferenceNoise: Double = 0.3)
    {
        self.observableShare = observableShare
        self.postingAttractiveness = postingAttractiveness
        self.employerSelectiveness = employerSelectiveness
        self.employerTaste = employerTaste
        self.personTaste = personTaste
        self.travelTolerance = travelTolerance
        self.statedPreferenceNoise = statedPreferenceNoise
    }

    /// Every hidden part off: outcomes follow the observable suitability model (version 1 of the generator).
    public static let off = LatentConfiguration(observableShare: 1, postingAttractiveness: 0, employerSelectiveness: 0,
                                                employerTaste: 0, personTaste: 0, travelTolerance: 0, statedPreferenceNoise: 0)

    /// The knobs by their manifest names, in a fixed order.
    public var named: [(name: String, value: Double)] {
        [("observable_share", observableShare), ("posting_attractiveness", postingAttractiveness),
         ("employer_selectiveness", employerSelectiveness), ("employer_taste", employerTaste), ("person_taste", personTaste),
         ("travel_tolerance", travelTolerance), ("stated_preference_noise", statedPreferenceNoise)]
    }
}
