//! The user's profile as the app holds it: loaded once at start from the app's config folder,
//! saved on change, and applied to the open workspace as the name new versions are signed with.

use std::path::PathBuf;
use std::sync::Mutex;

use tauri::{Manager, Runtime};

use crate::error::{ErrorDto, ErrorKind};
use crate::session::Session;
use galley_core::profile::{attribution, Profile, PROFILE_FILE};
use galley_core::ErrorKind as CoreKind;

pub struct ProfileStore {
    /// Where the profile lives; `None` when the platform has no config folder for the app.
    path: Option<PathBuf>,
    profile: Mutex<Profile>,
    /// Why the file could not be read at start (shown until a save replaces it).
    load_error: Mutex<Option<ErrorDto>>,
    /// `$GALLEY_AUTHOR`: signs versions instead of the profile's name (tests, scripts).
    override_name: Option<String>,
    /// The login name: the suggested name on first launch, and the fallback signature.
    login: Option<String>,
}

impl ProfileStore {
    /// The store over the file at `path` (a missing file is a profile without a name yet).
    pub fn at(path: Option<PathBuf>, override_name: Option<String>, login: Option<String>) -> Self {
        let (profile, load_error) = match path.as_deref().map(Profile::load) {
            Some(Ok(profile)) => (profile, None),
            Some(Err(error)) => (Profile::default(), Some(ErrorDto::from(error))),
            None => (Profile::default(), None),
        };
        ProfileStore {
            path,
            profile: Mutex::new(profile),
            load_error: Mutex::new(load_error),
            override_name,
            login,
        }
    }

    pub fn profile(&self) -> Result<Profile, ErrorDto> {
        if let Some(error) = lock(&self.load_error)?.clone() {
            return Err(error);
        }
        Ok(lock(&self.profile)?.clone())
    }

    pub fn login(&self) -> Option<&str> {
        self.login.as_deref()
    }

    /// Writes `profile` to the file and makes it the current one.
    pub fn save(&self, profile: Profile) -> Result<Profile, ErrorDto> {
        let path = self.path.as_deref().ok_or_else(|| ErrorDto::new(CoreKind::Io, "this system gives Galley no folder for its settings, so your profile cannot be saved."))?;
        profile.save(path)?;
        // Read back what was written (the name trimmed), so the UI shows what the file holds.
        let saved = Profile::load(path)?;
        *lock(&self.profile)? = saved.clone();
        *lock(&self.load_error)? = None;
        Ok(saved)
    }

    /// Whom the open workspace signs new versions with.
    pub fn author(&self) -> Result<String, ErrorDto> {
        let profile = lock(&self.profile)?;
        Ok(attribution(
            self.override_name.as_deref(),
            &profile,
            self.login.as_deref(),
        ))
    }

    /// Signs the open workspace's future versions with the current author.
    pub fn apply_to(&self, session: &Session) -> Result<(), ErrorDto> {
        let author = self.author()?;
        // No open workspace means nothing to sign yet; the next one opens with `author`.
        let _ = session.with_mut(|ws| {
            ws.set_author(author);
            Ok(())
        });
        Ok(())
    }
}

fn lock<T>(mutex: &Mutex<T>) -> Result<std::sync::MutexGuard<'_, T>, ErrorDto> {
    mutex.lock().map_err(|_| {
        ErrorDto::new(
            ErrorKind::Internal,
            "an earlier command failed while using your profile; restart Galley.",
        )
    })
}

/// Manages the profile store (unless the caller already did, as tests do with a temp file) and
/// signs the workspace with it. Runs in `setup`, when the app's config folder is known (tests on
/// the mock runtime, which runs no `setup`, call it themselves).
pub fn install<R: Runtime>(app: &tauri::AppHandle<R>) {
    if app.try_state::<ProfileStore>().is_none() {
        let path = app
            .path()
            .app_config_dir()
            .ok()
            .map(|dir| dir.join(PROFILE_FILE));
        app.manage(ProfileStore::at(
            path,
            std::env::var("GALLEY_AUTHOR").ok(),
            std::env::var("USER").ok(),
        ));
    }
    let store = app.state::<ProfileStore>();
    let session = app.state::<Session>();
    if let Err(error) = store.apply_to(&session) {
        eprintln!("galley: {}", error.message);
    }
}
