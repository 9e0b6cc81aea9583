//! TLS for the connection, per `sslmode`, with rustls and its `ring` provider.
//!
//! - `prefer` and `require` encrypt but accept any server certificate, as libpq does (the
//!   handshake signature is still checked, so channel binding means something);
//! - `verify-full` checks the certificate chain against the trusted roots and the host name;
//! - `verify-ca` checks the chain but not the host name when the roots come from a file
//!   (`sslrootcert=`, `PGSSLROOTCERT` or `~/.postgresql/root.crt`); with the system's roots it
//!   is checked like `verify-full` (host name included).
//!
//! The roots are the file when one is given (libpq uses that file alone too), else the
//! system's store (`sslrootcert=system` asks for it explicitly).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::{PgError, SslMode};

/// The rustls crypto provider Ledgerlink uses: `ring`. rustls 0.23.48 marks it deprecated
/// because it lacks post-quantum key exchange (aws-lc-rs has it, but needs a C toolchain and
/// cmake to build); PostgreSQL servers do not offer that yet either.
#[allow(deprecated)]
fn ring() -> CryptoProvider {
    rustls::crypto::ring::default_provider()
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(ring())
}

fn tls_error(detail: impl Into<String>) -> PgError {
    PgError::Tls {
        detail: detail.into(),
    }
}

/// The TLS connector for `mode` (`None` for `disable`). `root_cert` is `sslrootcert=` or
/// `PGSSLROOTCERT`; `home` is where `~/.postgresql/root.crt` would be.
pub(super) fn connector(
    mode: SslMode,
    root_cert: Option<&str>,
    home: Option<&Path>,
) -> Result<Option<MakeRustlsConnect>, PgError> {
    // As libpq: `require` checks the certificate authority when a root certificate file is
    // named (or ~/.postgresql/root.crt exists), like `verify-ca`.
    let root_file = match root_cert {
        Some("system") => false,
        Some(_) => true,
        None => home.is_some_and(|home| home.join(".postgresql").join("root.crt").is_file()),
    };
    let verify_names = match mode {
        SslMode::Disable => return Ok(None),
        SslMode::Require if root_file => false,
        SslMode::Prefer | SslMode::Require => {
            let verifier = Arc::new(AcceptAnyCertificate(provider()));
            return config_with(verifier).map(Some);
        }
        SslMode::VerifyCa => false,
        SslMode::VerifyFull => true,
    };
    let file = match root_cert {
        Some("system") => None,
        Some(file) => Some(PathBuf::from(file)),
        None => home
            .map(|home| home.join(".postgresql").join("root.crt"))
            .filter(|file| file.is_file()),
    };
    match file {
        Some(file) => {
            let roots = read_roots(&file)?;
            let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider())
                .build()
                .map_err(|error| tls_error(format!("{}: {error}", file.display())))?;
            if verify_names {
                config_with(webpki).map(Some)
            } else {
                config_with(Arc::new(SkipHostName(webpki))).map(Some)
            }
        }
        None => system_roots().map(Some),
    }
}

fn config_with(verifier: Arc<dyn ServerCertVerifier>) -> Result<MakeRustlsConnect, PgError> {
    let config = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|error| tls_error(error.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

/// The system's trusted roots (rustls-native-certs, through tokio-postgres-rustls, which builds
/// its configuration with the process-wide provider: `ring` is installed as that provider when
/// none is yet).
fn system_roots() -> Result<MakeRustlsConnect, PgError> {
    // An error only means a provider is installed already, which is then used.
    let _ = ring().install_default();
    match MakeRustlsConnect::with_native_certs() {
        Ok((connector, _unreadable)) => Ok(connector),
        Err(errors) => {
            let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
            Err(tls_error(format!(
                "no trusted root certificates were found on this computer ({}); name the file \
                 of the server's certificate authority with sslrootcert= in the address or \
                 PGSSLROOTCERT",
                if errors.is_empty() {
                    "the store is empty".to_string()
                } else {
                    errors.join("; ")
                }
            )))
        }
    }
}

/// The certificates in a PEM file.
fn read_roots(file: &Path) -> Result<RootCertStore, PgError> {
    let bytes = std::fs::read(file)
        .map_err(|error| tls_error(format!("cannot read {}: {error}", file.display())))?;
    let mut roots = RootCertStore::empty();
    for certificate in CertificateDer::pem_slice_iter(&bytes) {
        let certificate = certificate
            .map_err(|error| tls_error(format!("{} is not PEM: {error}", file.display())))?;
        roots.add(certificate).map_err(|error| {
            tls_error(format!(
                "{} holds a bad certificate: {error}",
                file.display()
            ))
        })?;
    }
    if roots.is_empty() {
        return Err(tls_error(format!(
            "{} holds no certificate (BEGIN CERTIFICATE)",
            file.display()
        )));
    }
    Ok(roots)
}

/// `prefer` and `require`: any certificate, but a handshake signed by its key.
#[derive(Debug)]
struct AcceptAnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `verify-ca` with a root file: the chain is checked, the host name is not.
#[derive(Debug)]
struct SkipHostName(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for SkipHostName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verdict =
            self.0
                .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now);
        match verdict {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}
