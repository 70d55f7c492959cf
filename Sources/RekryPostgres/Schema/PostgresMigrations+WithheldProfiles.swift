extension PostgresMigrations {
    /// The explicit consent a psychologist report rests on, without the consent row. "v3 staff, audit and reports"
    /// let a recruiter or lead SELECT the `psych-assessment` consent row of any record whose report meta they may see,
    /// so that a lead can attach a report to an objected legitimate-interest record; but on such a record the gate's
    /// consent tab withholds the whole history, and that row (its channel, its verbatim text, when it was given) was
    /// then one row more in the member's own psql session than in the gate. The policy goes; what the gate's attach
    /// rule and the report's badge need (the latest such consent's id and expiry, only while it is valid and the
    /// report's meta is the member's to see) comes from a definer function instead. docs/postgres.md,
    /// "Reports, grants and keys".
    static let explicitConsentTerms = #"""
SET LOCAL ROLE rekry_owner;

DROP POLICY consent_read_psych_assessment ON rekry.consent;

-- The latest explicit consent for a psychological assessment, as its id and expiry: only to a recruiter or lead
-- who may see the candidate's report meta (`may_read(…, 'psych-report-meta', 'explicit-consent')`: not restricted,
-- and that consent valid at `rekry.clock()`). That is what the badge of an item held on it shows them ("explicit
-- consent, valid until …"); the channel, the text and the date it was given stay with the consent history. A
-- recruiter is told only where such an item exists (a report, or a document, assessment, participation or
-- reference held on explicit consent); a lead also where none does yet, since attaching a report is theirs and
-- tells them as much.
CREATE FUNCTION rekry.explicit_consent_terms(p_candidate bigint) RETURNS TABLE (id bigint, expires_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  IF rekry.session_role() IS NULL OR rekry.session_role() NOT IN ('recruiter', 'lead') THEN RETURN; END IF;
  IF NOT rekry.may_read(p_candidate, 'psych-report-meta', 'explicit-consent') THEN RETURN; END IF;
  IF rekry.session_role() = 'recruiter' AND NOT (
       EXISTS (SELECT 1 FROM rekry.psych_report r WHERE r.candidate_id = p_candidate)
    OR EXISTS (SELECT 1 FROM rekry.document d WHERE d.candidate_id = p_candidate AND d.basis = 'explicit-consent')
    OR EXISTS (SELECT 1 FROM rekry.assessment a WHERE a.candidate_id = p_candidate AND a.basis = 'explicit-consent')
    OR EXISTS (SELECT 1 FROM rekry.participation p WHERE p.candidate_id = p_candidate AND p.basis = 'explicit-consent')
    OR EXISTS (SELECT 1 FROM rekry.reference f WHERE f.candidate_id = p_candidate AND f.basis = 'explicit-consent')) THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT k.id, k.expires_at FROM rekry.consent k
    WHERE k.candidate_id = p_candidate AND k.purpose = 'psych-assessment' AND k.given_at <= rekry.clock()
    ORDER BY k.given_at DESC, k.id DESC LIMIT 1;
END
$fn$;
REVOKE ALL ON FUNCTION rekry.explicit_consent_terms(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rekry.explicit_consent_terms(bigint) TO rekry_recruiter, rekry_lead, rekry_dpo;
"""#

    /// A person is erased only by a member who may read their profile, or by the DPO. The gate's erasure derives
    /// from the profile what must go with the person beyond their own rows (the suppression hashes, the references
    /// they gave for others, their name in the breach log), and a lead's or recruiter's login cannot read a lapsed
    /// (objected, withdrawn, expired) profile: such an erasure would leave those behind. The gate refuses it first
    /// (`CandidateWriting.writesOnlyReadableProfiles`); the server refuses it too. (The breach log's part is
    /// migration "v4 breach redaction by the DPO".) docs/postgres.md, "Correcting or erasing a withheld profile".
    static let erasureOfReadableProfiles = #"""
SET LOCAL ROLE rekry_owner;

-- Refuses a member other than the DPO the erasure of a person whose profile their policies withhold.
CREATE FUNCTION rekry.check_profile_eraser(p_candidate bigint) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  PERFORM rekry.check_eraser(p_candidate);
  IF rekry.session_role() IS DISTINCT FROM 'dpo' AND EXISTS (SELECT 1 FROM rekry.candidate c WHERE c.id = p_candidate)
     AND NOT rekry.may_read(p_candidate, 'profile') THEN
    RAISE EXCEPTION 'erase candidate %: refused, the profile is withheld from this login (the DPO erases it)', p_candidate
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$fn$;

-- The person-level functions keep their bodies under a new name, reachable only through the checked ones.
ALTER FUNCTION rekry.erasure_inventory(bigint) RENAME TO erasure_inventory_of_eraser;
ALTER FUNCTION rekry.delete_candidate(bigint) RENAME TO delete_candidate_of_eraser;
REVOKE ALL ON FUNCTION rekry.erasure_inventory_of_eraser(bigint), rekry.delete_candidate_of_eraser(bigint)
  FROM PUBLIC, rekry_recruiter, rekry_lead, rekry_dpo, rekry_admin;

CREATE FUNCTION rekry.erasure_inventory(p_candidate bigint)
RETURNS TABLE (pseudonym text, basis text, contact integer, links integer, documents integer, notes integer,
               assessments integer, "references" integer, statements integer, consents integer, participations integer,
               psych_reports integer, report_keys integer, report_grants integer, disclosures integer,
               record_changes integer, legal_documents integer, legal_assessments integer, legal_participations integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  PERFORM rekry.check_profile_eraser(p_candidate);
  RETURN QUERY SELECT * FROM rekry.erasure_inventory_of_eraser(p_candidate);
END
$fn$;

CREATE FUNCTION rekry.delete_candidate(p_candidate bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, rekry, pg_temp AS $fn$
BEGIN
  PERFORM rekry.check_profile_eraser(p_candidate);
  PERFORM rekry.delete_candidate_of_eraser(p_candidate);
END
$fn$;

REVOKE ALL ON FUNCTION rekry.check_profile_eraser(bigint), rekry.erasure_inventory(bigint), rekry.delete_candidate(bigint)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rekry.check_profile_eraser(bigint), rekry.erasure_inventory(bigint), rekry.delete_candidate(bigint)
  TO rekry_recruiter, rekry_lead, rekry_dpo;
"""#
}
